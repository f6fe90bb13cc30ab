import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { resolveAsset } from '../../../main/app/app-assets';

const root = '/opt/profile-desk/renderer';

describe('resolveAsset', () => {
  it('maps the entry and assets under the renderer folder', () => {
    expect(resolveAsset(root, 'app://profile-desk/')?.file).toBe(join(root, 'index.html'));
    expect(resolveAsset(root, 'app://profile-desk/assets/index-abc.js')).toEqual({
      file: join(root, 'assets/index-abc.js'),
      mime: 'text/javascript; charset=utf-8',
    });
  });
  it('refuses paths that climb out of the folder', () => {
    expect(resolveAsset(root, 'app://profile-desk/..%2F..%2Fetc%2Fpasswd')).toBeNull();
  });
  it('refuses other hosts and unknown file types', () => {
    expect(resolveAsset(root, 'app://elsewhere/index.html')).toBeNull();
    expect(resolveAsset(root, 'app://profile-desk/secrets.txt')).toBeNull();
  });
});
