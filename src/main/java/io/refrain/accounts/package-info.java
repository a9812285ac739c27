/**
 * Accounts: sign-up with an e-mailed one-time code, password and passwordless login, JWT access
 * tokens with rotating refresh tokens (reuse of a rotated token revokes its whole session),
 * logout, profile, settings, roles and account deletion. Other modules use
 * {@link io.refrain.accounts.AccountService} and the records of this package.
 */
package io.refrain.accounts;
