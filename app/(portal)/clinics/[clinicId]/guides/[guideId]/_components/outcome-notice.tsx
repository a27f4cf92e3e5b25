import { Alert } from "@/components/ui/alert";

/**
 * What the import or the publish that led to this page did, said once it is done: the action redirects here
 * with `?imported=new|version|unchanged` or `?published=version|unchanged`. `version` is the guide's newest.
 */
export function OutcomeNotice({
  imported,
  published,
  title,
  version,
}: {
  imported?: string;
  published?: string;
  title: string;
  version: number;
}) {
  const name = `“${title}”`;
  if (imported === "new") return <Alert tone="success">Imported {name}.</Alert>;
  if (imported === "version")
    return (
      <Alert tone="success">
        Imported as version {version} of {name} (same title as an existing guide). Sections that differ from version{" "}
        {version - 1} are marked “Changed in this version”; handouts made before keep the version they were made from.
      </Alert>
    );
  if (imported === "unchanged")
    return (
      <Alert tone="info">
        Nothing was imported: version {version} of {name} already has the same text and pictures.
      </Alert>
    );
  if (published === "version" && version === 1)
    return <Alert tone="success">Published {name}: it is in your clinic&apos;s library, ready for handouts.</Alert>;
  if (published === "version")
    return (
      <Alert tone="success">
        Published version {version} of {name}. New handouts use it; handouts made before keep the version they were made
        from.
      </Alert>
    );
  if (published === "unchanged")
    return (
      <Alert tone="info">
        The draft had no changes, so version {version} of {name} stays the newest. The draft is closed.
      </Alert>
    );
  return null;
}
