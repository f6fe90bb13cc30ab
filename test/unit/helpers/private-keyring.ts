/**
 * Tests that use the real keychain run only inside test/with-keyring.sh, so they can never read or
 * write a developer's own keyring. Outside it they FAIL (not skip) with this message.
 */
export function requirePrivateKeyring(): void {
  if (!process.env.PROFILE_DESK_PRIVATE_KEYRING) {
    throw new Error(
      'No private test keyring: run these tests via `bash test/with-keyring.sh npx vitest run ...` or `npm test` ' +
        '(needs the Debian packages dbus gnome-keyring libsecret-1-dev)',
    );
  }
}
