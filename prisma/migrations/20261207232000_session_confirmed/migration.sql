-- When the session's holder last proved who they are: the sign-in itself, or the password typed again
-- ("Confirm it's you", lib/accounts/recent-sign-in.ts). Changing how the account signs in needs it recent.
ALTER TABLE "AuthSession" ADD COLUMN "confirmedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
