const LF = 0x0a;
const CR = 0x0d;

/**
 * The 1-based physical line of a byte offset, as a text editor numbers lines: CRLF, LF and a lone CR each end
 * one line (Excel for Mac still writes CR). csv-parse's own `info.lines` counts a CRLF inside a quoted cell
 * twice, which would put every later row on the wrong line.
 *
 * Offsets must be asked for in non-decreasing order: the counter walks the buffer once, jumping from line break
 * to line break with Buffer.indexOf (native memchr), so a 100,000-line file costs a few milliseconds.
 */
export class LineCounter {
  #line = 1;
  #nextLf: number;
  #nextCr: number;

  constructor(private readonly bytes: Buffer) {
    this.#nextLf = this.#find(LF, 0);
    this.#nextCr = this.#find(CR, 0);
  }

  lineAt(offset: number): number {
    for (;;) {
      const lf = this.#nextLf;
      const cr = this.#nextCr;
      const lineBreak = Math.min(lf, cr);
      if (lineBreak >= offset) return this.#line;
      this.#line++;
      if (cr < lf) {
        this.#nextCr = this.#find(CR, cr + 1);
        if (lf === cr + 1) this.#nextLf = this.#find(LF, lf + 1);
      } else {
        this.#nextLf = this.#find(LF, lf + 1);
      }
    }
  }

  #find(byte: number, from: number): number {
    const at = this.bytes.indexOf(byte, from);
    return at === -1 ? Infinity : at;
  }
}
