// Issue 12, item 13: weak passwords are refused with a reason.
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "@/lib/common-passwords";
import { passwordProblem } from "@/lib/password-policy";

describe("passwordProblem", () => {
  it.each(["          ", "aaaaaaaaaa", "1234567890", "9876543210", "abcdefghij", "ababababab", "1212121212", "PASSWORD123", "qwertyuiop", "1q2w3e4r5t", "short"])("refuses %j", (pw) => {
    expect(passwordProblem(pw)).toEqual(expect.any(String));
  });
  it("refuses every shipped common password", () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThan(100);
    for (const pw of COMMON_PASSWORDS.filter((p) => p.length >= 10)) expect(passwordProblem(pw), pw).not.toBeNull();
  });
  it.each(["tulip-7-xq", "correct horse battery staple", "demo-editor-pass"])("accepts %j", (pw) => {
    expect(passwordProblem(pw)).toBeNull();
  });
});
