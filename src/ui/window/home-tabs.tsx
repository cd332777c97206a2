import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export type HomeTab = 'contacts' | 'missed' | 'history' | 'settings';

const TABS: readonly { id: HomeTab; label: string }[] = [
  { id: 'contacts', label: 'Contacts' },
  { id: 'missed', label: 'Missed calls' },
  { id: 'history', label: 'History' },
  { id: 'settings', label: 'Settings' },
];

export interface HomeTabsProps {
  tab: HomeTab;
  onSelect: (tab: HomeTab) => void;
  missedCount: number | null;
  /** Each panel renders once first opened, then stays mounted (its list and scroll survive). */
  renderPanel: (tab: HomeTab) => ReactNode;
}

/**
 * Contacts / Missed calls / History / Settings. Tab names stay fixed ("Missed calls", not "Missed calls (3)"):
 * the count is a badge described to screen readers separately.
 */
export function HomeTabs({ tab, onSelect, missedCount, renderPanel }: HomeTabsProps) {
  const baseId = useId();
  const [opened, setOpened] = useState<ReadonlySet<HomeTab>>(() => new Set([tab]));
  const buttons = useRef<Partial<Record<HomeTab, HTMLButtonElement | null>>>({});
  if (!opened.has(tab)) setOpened(new Set([...opened, tab]));

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = TABS.findIndex((t) => t.id === tab);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = TABS[(target + TABS.length) % TABS.length];
    if (!next) return;
    onSelect(next.id);
    buttons.current[next.id]?.focus();
  }

  const count = missedCount ?? 0;
  return (
    <div className="home-tabs">
      <div className="tab-list" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            ref={(element) => {
              buttons.current[id] = element;
            }}
            type="button"
            role="tab"
            aria-label={label}
            id={`${baseId}-tab-${id}`}
            aria-controls={`${baseId}-panel-${id}`}
            aria-selected={tab === id}
            aria-describedby={id === 'missed' && count > 0 ? `${baseId}-missed-count` : undefined}
            tabIndex={tab === id ? 0 : -1}
            className="tab"
            onClick={() => onSelect(id)}
          >
            {label}
            {id === 'missed' && count > 0 && (
              <span className="tab-badge" id={`${baseId}-missed-count`}>
                <span aria-hidden="true">{count}</span>
                <span className="visually-hidden">{count === 1 ? '1 new' : `${count} new`}</span>
              </span>
            )}
          </button>
        ))}
      </div>
      {TABS.map(({ id }) => (
        <div
          key={id}
          role="tabpanel"
          id={`${baseId}-panel-${id}`}
          aria-labelledby={`${baseId}-tab-${id}`}
          className="tab-panel"
          hidden={tab !== id}
        >
          {opened.has(id) && renderPanel(id)}
        </div>
      ))}
    </div>
  );
}
