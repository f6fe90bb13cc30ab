import { describe, expect, it } from 'vitest';
import { parseProfileKey } from '../../../renderer/lib/profile-key';

describe('parseProfileKey', () => {
  it('accepts a key and trims spaces around it', () => {
    expect(parseProfileKey('  @Qy2Fk3-abc_DEF  ')).toEqual({ ok: true, pkey: '@Qy2Fk3-abc_DEF', extracted: false });
  });

  it('says empty or malformed', () => {
    expect(parseProfileKey('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseProfileKey('@abc def')).toEqual({ ok: false, reason: 'format' });
    expect(parseProfileKey('a/b')).toEqual({ ok: false, reason: 'format' });
  });

  it('takes the key out of a pasted Campaign address', () => {
    expect(parseProfileKey('https://acme.campaign.adobe.com/view/profile/@Qy2Fk3abc?tab=info')).toEqual({
      ok: true,
      pkey: '@Qy2Fk3abc',
      extracted: true,
    });
  });
});
