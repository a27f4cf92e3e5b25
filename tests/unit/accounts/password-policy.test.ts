import { describe, expect, it } from "vitest";
import { passwordSchema } from "@/lib/accounts/password-policy";

const messages = (p: string) => {
  const r = passwordSchema.safeParse(p);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("password policy", () => {
  it("accepts 12 to 128 characters that are not common", () => {
    expect(messages("river-otter-lantern")).toEqual([]);
    expect(messages("a".repeat(11) + "b")).toEqual([]);
    expect(messages("x7".repeat(64))).toEqual([]);
  });

  it("refuses too short and too long", () => {
    expect(messages("short-pass1")).toEqual(["Use at least 12 characters."]);
    expect(messages("x7".repeat(64) + "y")).toEqual(["Use at most 128 characters."]);
  });

  it("refuses common passwords, repeated characters and simple runs, whatever the case", () => {
    for (const p of [
      "Password1234",
      "qwertyuiop123",
      "aaaaaaaaaaaa",
      "123456789012",
      "abcdefghijklm",
      "1qaz2wsx3edc",
    ]) {
      expect(messages(p), p).toEqual(["This password is too common. Try a few unrelated words together."]);
    }
  });
});
