/** What a file really is, from its first bytes, whatever its name says. */

export type Container = 'zip' | 'ole' | 'pdf';

const SIGNATURES: [Container, Buffer][] = [
  // xlsx, xlsm, docx, ods: all zip.
  ['zip', Buffer.from([0x50, 0x4b, 0x03, 0x04])],
  // Compound File Binary: an old .xls, or any Office file saved with a password (encryption wraps the xlsx).
  ['ole', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
  ['pdf', Buffer.from('%PDF-', 'latin1')],
];

export function containerOf(bytes: Buffer): Container | undefined {
  return SIGNATURES.find(([, magic]) => bytes.subarray(0, magic.length).equals(magic))?.[0];
}
