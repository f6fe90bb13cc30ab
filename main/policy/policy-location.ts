/** Where IT puts the policy file on each OS: machine-wide places an operator cannot write to. */
import { posix, win32 } from 'node:path';

export function policyFileFor(platform: NodeJS.Platform, env: Record<string, string | undefined>): string {
  if (platform === 'win32') return win32.join(env.ProgramData || 'C:\\ProgramData', 'Profile Desk', 'policy.json');
  if (platform === 'darwin') return posix.join('/Library', 'Application Support', 'Profile Desk', 'policy.json');
  return posix.join('/etc', 'profile-desk', 'policy.json');
}
