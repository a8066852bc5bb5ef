import { createRequire } from "node:module";

export const MIN_PASSWORD_LENGTH = 12;

// Mozilla's list of common passwords (Firefox Accounts uses it for the same check); CommonJS, untyped.
const commonList = createRequire(import.meta.url)("fxa-common-password-list") as { test(p: string): boolean };

/** True for passwords on the common list, or made of one repeated character (`aaaaaaaaaaaa`). */
export function isCommonPassword(password: string): boolean {
  return commonList.test(password) || commonList.test(password.toLowerCase()) || /^(.)\1*$/u.test(password);
}
