/** Netstrings ("<length>:<bytes>,"), the framing of baresip's ctrl_tcp module. */
export function encodeNetstring(payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length}:`, 'ascii'), body, Buffer.from(',', 'ascii')]);
}

/** Accumulates TCP chunks and yields each complete payload; lengths count bytes, not characters. */
export class NetstringReader {
  private buffered = Buffer.alloc(0);

  push(chunk: Buffer): string[] {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    const payloads: string[] = [];
    for (;;) {
      const colon = this.buffered.indexOf(0x3a);
      if (colon < 0) break;
      const lengthText = this.buffered.subarray(0, colon).toString('ascii');
      if (!/^\d+$/.test(lengthText)) throw new Error(`not a netstring: ${JSON.stringify(lengthText.slice(0, 20))}`);
      const length = Number(lengthText);
      const end = colon + 1 + length;
      if (this.buffered.length < end + 1) break;
      if (this.buffered[end] !== 0x2c) throw new Error('netstring not terminated by ","');
      payloads.push(this.buffered.subarray(colon + 1, end).toString('utf8'));
      this.buffered = this.buffered.subarray(end + 1);
    }
    return payloads;
  }
}
