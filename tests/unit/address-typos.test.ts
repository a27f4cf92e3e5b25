import { describe, expect, it } from "vitest";
import { editDistance, suggestAddress } from "@/lib/deliveries/address-typos";

describe("suggestAddress", () => {
  it.each([
    ["jane@example.con", "jane@example.com"],
    ["jane@example.cmo", "jane@example.com"],
    ["jane@clinic.ogr", "jane@clinic.org"],
    ["jane@isp.nte", "jane@isp.net"],
    ["jane@gmial.com", "jane@gmail.com"],
    ["jane@gmal.com", "jane@gmail.com"],
    ["jane@gamil.com", "jane@gmail.com"],
    ["jane@gmail.co", "jane@gmail.com"],
    ["jane@gmail.cm", "jane@gmail.com"],
    ["jane@gmail.om", "jane@gmail.com"],
    ["jane@gmial.con", "jane@gmail.com"],
    ["jane@hotmial.com", "jane@hotmail.com"],
    ["jane@hotmal.com", "jane@hotmail.com"],
    ["jane@yaho.com", "jane@yahoo.com"],
    ["jane@yahooo.com", "jane@yahoo.com"],
    ["jane@outlok.com", "jane@outlook.com"],
    ["jane@iclod.com", "jane@icloud.com"],
    ["jane@yaho.co.uk", "jane@yahoo.co.uk"],
    ["jane@sbcgloabl.net", "jane@sbcglobal.net"],
    ["jane@googlemial.com", "jane@googlemail.com"],
  ])("%s: did you mean %s?", (typed, meant) => {
    expect(suggestAddress(typed)).toBe(meant);
  });

  it.each([
    "jane@gmail.com",
    "jane@example.com",
    "jane@example.co", // .co is a real ending, and example is no provider
    "jane@mail.com", // a real provider one letter from gmail.com
    "jane@ymail.com",
    "jane@hotmail.de", // a provider's service in another country
    "jane@yahoo.es",
    "jane@hotmail.co.uk",
    "jane@comcast.net",
    "jane@verizon.com",
    "jane@me.com",
    "jane@mo.com", // names of three letters or fewer are too close to too many real domains
    "jane@aol.co",
    "jane@clinic.health",
    "jane@riverside.example",
    "jane.gmial@clinic.org", // only the domain is looked at
  ])("%s looks right", (address) => {
    expect(suggestAddress(address)).toBeNull();
  });

  it("keeps the part before the @ exactly as typed", () => {
    expect(suggestAddress("first.last+handouts@gmial.com")).toBe("first.last+handouts@gmail.com");
  });
});

describe("editDistance", () => {
  it("counts a swap of two neighbours as one edit", () => {
    expect(editDistance("gmial", "gmail")).toBe(1);
    expect(editDistance("gmail", "gmail")).toBe(0);
    expect(editDistance("yaho", "yahoo")).toBe(1);
    expect(editDistance("abc", "xyz")).toBe(3);
    expect(editDistance("a", "abcdefg")).toBe(4);
  });
});
