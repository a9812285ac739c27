/**
 * Accounts: sign-up with an e-mailed one-time code, password and passwordless login, JWT access
 * tokens with rotating refresh tokens (reuse of a rotated token revokes its whole session),
 * logout, profile, settings, roles, account deletion, and per-user API tokens for scrobblers
 * ({@link io.refrain.accounts.ApiTokens}, stored as hashes, used by the ListenBrainz-compatible API). Other modules use
 * {@link io.refrain.accounts.AccountService} and the records of this package.
 *
 * <p>Settings: {@link io.refrain.accounts.AccountsProperties} ({@code refrain.accounts.*}).
 *
 * <p>Offered to other modules: {@link io.refrain.accounts.AccountService}, {@link io.refrain.accounts.ApiTokens}, {@link io.refrain.accounts.BulkAccounts}, {@link io.refrain.accounts.Credentials}, {@link io.refrain.accounts.AccountDeleted}.
 *
 * <p>Public, but not for other modules: {@link io.refrain.accounts.AccountsProperties}.
 */
package io.refrain.accounts;
