import { useState } from 'react';
import { initialsOf, safeImageUrl } from './contact-display';

export function ContactAvatar({ name, pictureUrl }: { name: string; pictureUrl: string | null }) {
  const [isBroken, setBroken] = useState(false);
  const src = safeImageUrl(pictureUrl);
  if (src && !isBroken) {
    return (
      <img
        className="avatar"
        src={src}
        alt=""
        width={32}
        height={32}
        loading="lazy"
        decoding="async"
        referrerPolicy="no-referrer"
        onError={() => setBroken(true)}
      />
    );
  }
  return (
    <span className="avatar avatar-initials" aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
