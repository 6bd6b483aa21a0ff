-- A TOTP code is good for one sign-in: the step of the last code taken is kept, and a code of
-- that step or an earlier one is refused (RFC 6238 section 5.2)
ALTER TABLE "User" ADD COLUMN "totpLastStep" INTEGER;
