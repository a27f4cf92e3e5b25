// Download names carry the title and date only, in plain ASCII, so no header can be bent by odd characters.
export function handoutFileName(title: string, createdAt: Date): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return `${slug || "handout"}-${createdAt.toISOString().slice(0, 10)}.pdf`;
}
