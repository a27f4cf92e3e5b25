-- CreateTable
CREATE TABLE "InsightDay" (
    "clinicId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "authorId" TEXT NOT NULL,
    "guideId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "handouts" INTEGER NOT NULL DEFAULT 0,
    "voided" INTEGER NOT NULL DEFAULT 0,
    "linksMade" INTEGER NOT NULL DEFAULT 0,
    "linksOpened" INTEGER NOT NULL DEFAULT 0,
    "emailsLink" INTEGER NOT NULL DEFAULT 0,
    "emailsAttachment" INTEGER NOT NULL DEFAULT 0,
    "emailsWaiting" INTEGER NOT NULL DEFAULT 0,
    "emailsSent" INTEGER NOT NULL DEFAULT 0,
    "emailsFailed" INTEGER NOT NULL DEFAULT 0,
    "printViews" INTEGER NOT NULL DEFAULT 0,
    "downloads" INTEGER NOT NULL DEFAULT 0,
    "firstOpenUnder1h" INTEGER NOT NULL DEFAULT 0,
    "firstOpen1to2h" INTEGER NOT NULL DEFAULT 0,
    "firstOpen2to6h" INTEGER NOT NULL DEFAULT 0,
    "firstOpen6to24h" INTEGER NOT NULL DEFAULT 0,
    "firstOpen1to3d" INTEGER NOT NULL DEFAULT 0,
    "firstOpen3to7d" INTEGER NOT NULL DEFAULT 0,
    "firstOpenOver7d" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InsightDay_pkey" PRIMARY KEY ("clinicId","day","authorId","guideId","templateId","language","level")
);

-- CreateTable
CREATE TABLE "InsightOpenDay" (
    "clinicId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "authorId" TEXT NOT NULL,
    "guideId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "opens" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InsightOpenDay_pkey" PRIMARY KEY ("clinicId","day","authorId","guideId","templateId","language","level")
);

-- CreateTable
CREATE TABLE "InsightDimDay" (
    "clinicId" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "key" TEXT NOT NULL,
    "handouts" INTEGER NOT NULL DEFAULT 0,
    "voided" INTEGER NOT NULL DEFAULT 0,
    "linksMade" INTEGER NOT NULL DEFAULT 0,
    "linksOpened" INTEGER NOT NULL DEFAULT 0,
    "emailsLink" INTEGER NOT NULL DEFAULT 0,
    "emailsAttachment" INTEGER NOT NULL DEFAULT 0,
    "emailsWaiting" INTEGER NOT NULL DEFAULT 0,
    "emailsSent" INTEGER NOT NULL DEFAULT 0,
    "emailsFailed" INTEGER NOT NULL DEFAULT 0,
    "printViews" INTEGER NOT NULL DEFAULT 0,
    "downloads" INTEGER NOT NULL DEFAULT 0,
    "firstOpenUnder1h" INTEGER NOT NULL DEFAULT 0,
    "firstOpen1to2h" INTEGER NOT NULL DEFAULT 0,
    "firstOpen2to6h" INTEGER NOT NULL DEFAULT 0,
    "firstOpen6to24h" INTEGER NOT NULL DEFAULT 0,
    "firstOpen1to3d" INTEGER NOT NULL DEFAULT 0,
    "firstOpen3to7d" INTEGER NOT NULL DEFAULT 0,
    "firstOpenOver7d" INTEGER NOT NULL DEFAULT 0,
    "opens" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InsightDimDay_pkey" PRIMARY KEY ("clinicId","dim","day","key")
);

-- The Insights rollups are kept by triggers, in the transaction of the write they count, so every write path
-- (the app, the worker, a later one, a fix by hand) keeps them right without remembering to. Each counter is
-- keyed by the handout it is about: its clinic, its UTC day, author, guide (a variant under its main guide),
-- template and the variant's language and level (lib/insights/README.md).
--
-- The triggers are deferred to the commit and take a lock of their clinic first, so the rollup rows are the last
-- thing any transaction locks, one transaction of a clinic at a time: no deadlock with the portal's own locks
-- (row locks, then the audit chain's lock, in whatever order a transaction takes them), nor between two writers
-- of the same rollup rows (a first opening locks a handout's day and the opening's day). Immediate triggers did
-- deadlock under bench:insights-triggers, and could have with the audit chain (a print event holds the chain's
-- lock before its rollup rows, Generate its rollup rows before the chain's lock).
CREATE FUNCTION insights_lock(clinic TEXT) RETURNS VOID LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(29, hashtext('insights:' || clinic))
$$;

-- Which rollup row a handout's counters go to.
CREATE FUNCTION insights_handout_key(h_id TEXT)
RETURNS TABLE ("clinicId" TEXT, "day" DATE, "authorId" TEXT, "guideId" TEXT, "templateId" TEXT, "language" TEXT, "level" TEXT)
LANGUAGE sql STABLE AS $$
  SELECT h."clinicId", h."createdAt"::date, h."authorId", COALESCE(g."variantOfId", g."id"), COALESCE(h."templateId", ''), g."language", g."level"
  FROM "Handout" h JOIN "GuideVersion" v ON v."id" = h."guideVersionId" JOIN "Guide" g ON g."id" = v."guideId"
  WHERE h."id" = h_id
$$;

-- The first-open delay bucket (null: not opened): 0 under 1 h, 1 1–2 h, 2 2–6 h, 3 6–24 h, 4 1–3 days, 5 3–7 days, 6 longer.
CREATE FUNCTION insights_open_bucket(delay INTERVAL) RETURNS INT LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN delay IS NULL THEN NULL WHEN delay < interval '1 hour' THEN 0 WHEN delay < interval '2 hours' THEN 1 WHEN delay < interval '6 hours' THEN 2
    WHEN delay < interval '24 hours' THEN 3 WHEN delay < interval '3 days' THEN 4 WHEN delay < interval '7 days' THEN 5 ELSE 6 END
$$;

-- Where an email is now, for its counter: waiting (queued, or being sent), sent or failed.
CREATE FUNCTION insights_email_state(s "DeliveryStatus") RETURNS INT LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE s WHEN 'SENT' THEN 1 WHEN 'FAILED' THEN 2 ELSE 0 END
$$;

-- The rows of InsightDimDay a handout counts in: the clinic's total, and its author, guide, template and variant,
-- always in this order, so writers lock the rows they share one after another in the same order.
CREATE FUNCTION insights_dims(author TEXT, guide TEXT, template TEXT, language TEXT, level TEXT)
RETURNS TABLE ("dim" TEXT, "key" TEXT) LANGUAGE sql IMMUTABLE AS $$
  VALUES ('total', ''), ('author', author), ('guide', guide), ('template', template), ('variant', language || '|' || level)
$$;

-- Adds to the counters of a handout's rows (a delta may be negative: an email leaving "failed" on retry).
CREATE FUNCTION insights_add(h_id TEXT, handouts INT DEFAULT 0, voided INT DEFAULT 0, links_made INT DEFAULT 0,
  email_mode "DeliveryMode" DEFAULT NULL, email_from INT DEFAULT -1, email_to INT DEFAULT -1,
  print_views INT DEFAULT 0, downloads INT DEFAULT 0, first_open INTERVAL DEFAULT NULL)
RETURNS VOID LANGUAGE sql AS $$
  WITH delta AS (
    SELECT k.*, handouts AS "handouts", voided AS "voided", links_made AS "linksMade", (first_open IS NOT NULL)::int AS "linksOpened",
      (email_mode IS NOT DISTINCT FROM 'LINK')::int AS "emailsLink", (email_mode IS NOT DISTINCT FROM 'ATTACHMENT')::int AS "emailsAttachment",
      (email_to = 0)::int - (email_from = 0)::int AS "emailsWaiting", (email_to = 1)::int - (email_from = 1)::int AS "emailsSent",
      (email_to = 2)::int - (email_from = 2)::int AS "emailsFailed", print_views AS "printViews", downloads AS "downloads",
      (b IS NOT DISTINCT FROM 0)::int AS "firstOpenUnder1h", (b IS NOT DISTINCT FROM 1)::int AS "firstOpen1to2h",
      (b IS NOT DISTINCT FROM 2)::int AS "firstOpen2to6h", (b IS NOT DISTINCT FROM 3)::int AS "firstOpen6to24h",
      (b IS NOT DISTINCT FROM 4)::int AS "firstOpen1to3d", (b IS NOT DISTINCT FROM 5)::int AS "firstOpen3to7d",
      (b IS NOT DISTINCT FROM 6)::int AS "firstOpenOver7d"
    FROM insights_handout_key(h_id) k, (SELECT insights_open_bucket(first_open) AS b) bucket
  ), by_handout AS (
    INSERT INTO "InsightDay" SELECT * FROM delta
    ON CONFLICT ("clinicId", "day", "authorId", "guideId", "templateId", "language", "level") DO UPDATE SET
      "handouts" = "InsightDay"."handouts" + EXCLUDED."handouts", "voided" = "InsightDay"."voided" + EXCLUDED."voided",
      "linksMade" = "InsightDay"."linksMade" + EXCLUDED."linksMade", "linksOpened" = "InsightDay"."linksOpened" + EXCLUDED."linksOpened",
      "emailsLink" = "InsightDay"."emailsLink" + EXCLUDED."emailsLink", "emailsAttachment" = "InsightDay"."emailsAttachment" + EXCLUDED."emailsAttachment",
      "emailsWaiting" = "InsightDay"."emailsWaiting" + EXCLUDED."emailsWaiting", "emailsSent" = "InsightDay"."emailsSent" + EXCLUDED."emailsSent",
      "emailsFailed" = "InsightDay"."emailsFailed" + EXCLUDED."emailsFailed", "printViews" = "InsightDay"."printViews" + EXCLUDED."printViews",
      "downloads" = "InsightDay"."downloads" + EXCLUDED."downloads", "firstOpenUnder1h" = "InsightDay"."firstOpenUnder1h" + EXCLUDED."firstOpenUnder1h",
      "firstOpen1to2h" = "InsightDay"."firstOpen1to2h" + EXCLUDED."firstOpen1to2h", "firstOpen2to6h" = "InsightDay"."firstOpen2to6h" + EXCLUDED."firstOpen2to6h",
      "firstOpen6to24h" = "InsightDay"."firstOpen6to24h" + EXCLUDED."firstOpen6to24h", "firstOpen1to3d" = "InsightDay"."firstOpen1to3d" + EXCLUDED."firstOpen1to3d",
      "firstOpen3to7d" = "InsightDay"."firstOpen3to7d" + EXCLUDED."firstOpen3to7d", "firstOpenOver7d" = "InsightDay"."firstOpenOver7d" + EXCLUDED."firstOpenOver7d"
  )
  INSERT INTO "InsightDimDay" ("clinicId", "dim", "day", "key", "handouts", "voided", "linksMade", "linksOpened", "emailsLink", "emailsAttachment", "emailsWaiting", "emailsSent", "emailsFailed", "printViews", "downloads", "firstOpenUnder1h", "firstOpen1to2h", "firstOpen2to6h", "firstOpen6to24h", "firstOpen1to3d", "firstOpen3to7d", "firstOpenOver7d")
  SELECT x."clinicId", d."dim", x."day", d."key", x."handouts", x."voided", x."linksMade", x."linksOpened", x."emailsLink", x."emailsAttachment", x."emailsWaiting", x."emailsSent", x."emailsFailed", x."printViews", x."downloads", x."firstOpenUnder1h", x."firstOpen1to2h", x."firstOpen2to6h", x."firstOpen6to24h", x."firstOpen1to3d", x."firstOpen3to7d", x."firstOpenOver7d"
  FROM delta x, insights_dims(x."authorId", x."guideId", x."templateId", x."language", x."level") d
  ON CONFLICT ("clinicId", "dim", "day", "key") DO UPDATE SET
    "handouts" = "InsightDimDay"."handouts" + EXCLUDED."handouts", "voided" = "InsightDimDay"."voided" + EXCLUDED."voided",
    "linksMade" = "InsightDimDay"."linksMade" + EXCLUDED."linksMade", "linksOpened" = "InsightDimDay"."linksOpened" + EXCLUDED."linksOpened",
    "emailsLink" = "InsightDimDay"."emailsLink" + EXCLUDED."emailsLink", "emailsAttachment" = "InsightDimDay"."emailsAttachment" + EXCLUDED."emailsAttachment",
    "emailsWaiting" = "InsightDimDay"."emailsWaiting" + EXCLUDED."emailsWaiting", "emailsSent" = "InsightDimDay"."emailsSent" + EXCLUDED."emailsSent",
    "emailsFailed" = "InsightDimDay"."emailsFailed" + EXCLUDED."emailsFailed", "printViews" = "InsightDimDay"."printViews" + EXCLUDED."printViews",
    "downloads" = "InsightDimDay"."downloads" + EXCLUDED."downloads", "firstOpenUnder1h" = "InsightDimDay"."firstOpenUnder1h" + EXCLUDED."firstOpenUnder1h",
    "firstOpen1to2h" = "InsightDimDay"."firstOpen1to2h" + EXCLUDED."firstOpen1to2h", "firstOpen2to6h" = "InsightDimDay"."firstOpen2to6h" + EXCLUDED."firstOpen2to6h",
    "firstOpen6to24h" = "InsightDimDay"."firstOpen6to24h" + EXCLUDED."firstOpen6to24h", "firstOpen1to3d" = "InsightDimDay"."firstOpen1to3d" + EXCLUDED."firstOpen1to3d",
    "firstOpen3to7d" = "InsightDimDay"."firstOpen3to7d" + EXCLUDED."firstOpen3to7d", "firstOpenOver7d" = "InsightDimDay"."firstOpenOver7d" + EXCLUDED."firstOpenOver7d"
$$;

CREATE FUNCTION insights_add_opens(h_id TEXT, at TIMESTAMP, n INT) RETURNS VOID LANGUAGE sql AS $$
  INSERT INTO "InsightOpenDay" ("clinicId", "day", "authorId", "guideId", "templateId", "language", "level", "opens")
  SELECT k."clinicId", at::date, k."authorId", k."guideId", k."templateId", k."language", k."level", n FROM insights_handout_key(h_id) k
  ON CONFLICT ("clinicId", "day", "authorId", "guideId", "templateId", "language", "level") DO UPDATE SET "opens" = "InsightOpenDay"."opens" + EXCLUDED."opens";
  INSERT INTO "InsightDimDay" ("clinicId", "dim", "day", "key", "opens")
  SELECT k."clinicId", d."dim", at::date, d."key", n FROM insights_handout_key(h_id) k, insights_dims(k."authorId", k."guideId", k."templateId", k."language", k."level") d
  ON CONFLICT ("clinicId", "dim", "day", "key") DO UPDATE SET "opens" = "InsightDimDay"."opens" + EXCLUDED."opens"
$$;

CREATE FUNCTION insights_on_handout() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insights_lock(NEW."clinicId");
  PERFORM insights_add(NEW."id", handouts => 1);
  RETURN NULL;
END $$;

CREATE FUNCTION insights_on_void() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insights_lock(NEW."clinicId");
  PERFORM insights_add(NEW."handoutId", voided => 1);
  RETURN NULL;
END $$;

-- A link made, first opened (with its delay), and every counted opening on the day it happened.
CREATE FUNCTION insights_on_link() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insights_lock(NEW."clinicId");
  IF TG_OP = 'INSERT' THEN
    PERFORM insights_add(NEW."handoutId", links_made => 1, first_open => NEW."firstOpenedAt" - NEW."createdAt");
    IF NEW."openCount" > 0 THEN PERFORM insights_add_opens(NEW."handoutId", COALESCE(NEW."lastOpenedAt", NEW."createdAt"), NEW."openCount"); END IF;
    RETURN NULL;
  END IF;
  IF OLD."firstOpenedAt" IS NULL AND NEW."firstOpenedAt" IS NOT NULL THEN
    PERFORM insights_add(NEW."handoutId", first_open => NEW."firstOpenedAt" - NEW."createdAt");
  END IF;
  IF NEW."openCount" <> OLD."openCount" THEN
    PERFORM insights_add_opens(NEW."handoutId", COALESCE(NEW."lastOpenedAt", now()::timestamp), NEW."openCount" - OLD."openCount");
  END IF;
  RETURN NULL;
END $$;

-- An email counted by what it carries when requested, and under its current state as that changes.
CREATE FUNCTION insights_on_delivery() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insights_lock(NEW."clinicId");
  IF TG_OP = 'INSERT' THEN
    PERFORM insights_add(NEW."handoutId", email_mode => NEW."mode", email_to => insights_email_state(NEW."status"));
  ELSIF insights_email_state(OLD."status") <> insights_email_state(NEW."status") THEN
    PERFORM insights_add(NEW."handoutId", email_from => insights_email_state(OLD."status"), email_to => insights_email_state(NEW."status"));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION insights_on_audit() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insights_lock(NEW."clinicId");
  PERFORM insights_add(NEW."targetId", print_views => (NEW."action" = 'handout.printed')::int, downloads => (NEW."action" = 'handout.downloaded')::int);
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Handout_insights" AFTER INSERT ON "Handout" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION insights_on_handout();
CREATE CONSTRAINT TRIGGER "HandoutVoid_insights" AFTER INSERT ON "HandoutVoid" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION insights_on_void();
CREATE CONSTRAINT TRIGGER "PatientLink_insights_insert" AFTER INSERT ON "PatientLink" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION insights_on_link();
CREATE CONSTRAINT TRIGGER "PatientLink_insights_open" AFTER UPDATE OF "openCount", "firstOpenedAt" ON "PatientLink"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW."openCount" IS DISTINCT FROM OLD."openCount" OR NEW."firstOpenedAt" IS DISTINCT FROM OLD."firstOpenedAt")
  EXECUTE FUNCTION insights_on_link();
CREATE CONSTRAINT TRIGGER "Delivery_insights_insert" AFTER INSERT ON "Delivery" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION insights_on_delivery();
CREATE CONSTRAINT TRIGGER "Delivery_insights_status" AFTER UPDATE OF "status" ON "Delivery" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status") EXECUTE FUNCTION insights_on_delivery();
CREATE CONSTRAINT TRIGGER "AuditEvent_insights" AFTER INSERT ON "AuditEvent" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."action" IN ('handout.printed', 'handout.downloaded') AND NEW."targetType" = 'handout')
  EXECUTE FUNCTION insights_on_audit();

-- Both rollups computed again from the raw rows, for one clinic or (null) all: the backfill below, `npm run
-- bench:scale` after its bulk load (which runs without triggers), and the tests' check that the triggers
-- agree with it. Openings before this migration were counted, not dated: the first is put on the day of
-- firstOpenedAt, the rest on the day of lastOpenedAt.
CREATE FUNCTION insights_rebuild(only_clinic TEXT DEFAULT NULL) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "InsightDay" WHERE only_clinic IS NULL OR "clinicId" = only_clinic;
  DELETE FROM "InsightOpenDay" WHERE only_clinic IS NULL OR "clinicId" = only_clinic;
  DROP TABLE IF EXISTS insights_key;
  CREATE TEMP TABLE insights_key AS
    SELECT h."id", h."clinicId", h."createdAt"::date AS "day", h."authorId", COALESCE(g."variantOfId", g."id") AS "guideId",
      COALESCE(h."templateId", '') AS "templateId", g."language", g."level"
    FROM "Handout" h JOIN "GuideVersion" v ON v."id" = h."guideVersionId" JOIN "Guide" g ON g."id" = v."guideId"
    WHERE only_clinic IS NULL OR h."clinicId" = only_clinic;
  INSERT INTO "InsightDay"
  SELECT k."clinicId", k."day", k."authorId", k."guideId", k."templateId", k."language", k."level",
    sum(x.h), sum(x.vd), sum(x.lm), sum(x.lo), sum(x.el), sum(x.ea), sum(x.ew), sum(x.es), sum(x.ef), sum(x.pv), sum(x.dl),
    count(*) FILTER (WHERE x.b = 0), count(*) FILTER (WHERE x.b = 1), count(*) FILTER (WHERE x.b = 2), count(*) FILTER (WHERE x.b = 3),
    count(*) FILTER (WHERE x.b = 4), count(*) FILTER (WHERE x.b = 5), count(*) FILTER (WHERE x.b = 6)
  FROM (
    SELECT "id" AS hid, 1 AS h, 0 AS vd, 0 AS lm, 0 AS lo, 0 AS el, 0 AS ea, 0 AS ew, 0 AS es, 0 AS ef, 0 AS pv, 0 AS dl, NULL::int AS b FROM "Handout"
    UNION ALL SELECT "handoutId", 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL FROM "HandoutVoid"
    UNION ALL SELECT "handoutId", 0, 0, 1, ("firstOpenedAt" IS NOT NULL)::int, 0, 0, 0, 0, 0, 0, 0, insights_open_bucket("firstOpenedAt" - "createdAt") FROM "PatientLink"
    UNION ALL SELECT "handoutId", 0, 0, 0, 0, ("mode" = 'LINK')::int, ("mode" = 'ATTACHMENT')::int, (insights_email_state("status") = 0)::int,
      (insights_email_state("status") = 1)::int, (insights_email_state("status") = 2)::int, 0, 0, NULL FROM "Delivery"
    UNION ALL SELECT "targetId", 0, 0, 0, 0, 0, 0, 0, 0, 0, ("action" = 'handout.printed')::int, ("action" = 'handout.downloaded')::int, NULL
      FROM "AuditEvent" WHERE "action" IN ('handout.printed', 'handout.downloaded') AND "targetType" = 'handout'
  ) x JOIN insights_key k ON k."id" = x.hid
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO "InsightOpenDay"
  SELECT k."clinicId", o.at::date, k."authorId", k."guideId", k."templateId", k."language", k."level", sum(o.n)
  FROM (
    SELECT "handoutId", "firstOpenedAt" AS at, 1 AS n FROM "PatientLink" WHERE "openCount" > 0 AND "firstOpenedAt" IS NOT NULL
    UNION ALL SELECT "handoutId", "lastOpenedAt", "openCount" - 1 FROM "PatientLink" WHERE "openCount" > 1 AND "lastOpenedAt" IS NOT NULL
  ) o JOIN insights_key k ON k."id" = o."handoutId"
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
  DROP TABLE insights_key;
  DELETE FROM "InsightDimDay" WHERE only_clinic IS NULL OR "clinicId" = only_clinic;
  INSERT INTO "InsightDimDay" ("clinicId", "dim", "day", "key", "handouts", "voided", "linksMade", "linksOpened", "emailsLink", "emailsAttachment", "emailsWaiting", "emailsSent", "emailsFailed", "printViews", "downloads", "firstOpenUnder1h", "firstOpen1to2h", "firstOpen2to6h", "firstOpen6to24h", "firstOpen1to3d", "firstOpen3to7d", "firstOpenOver7d", "opens")
  SELECT r."clinicId", d."dim", r."day", d."key", sum(r."handouts"), sum(r."voided"), sum(r."linksMade"), sum(r."linksOpened"), sum(r."emailsLink"), sum(r."emailsAttachment"), sum(r."emailsWaiting"), sum(r."emailsSent"), sum(r."emailsFailed"), sum(r."printViews"), sum(r."downloads"), sum(r."firstOpenUnder1h"), sum(r."firstOpen1to2h"), sum(r."firstOpen2to6h"), sum(r."firstOpen6to24h"), sum(r."firstOpen1to3d"), sum(r."firstOpen3to7d"), sum(r."firstOpenOver7d"), sum(r."opens")
  FROM (
    SELECT *, 0 AS "opens" FROM "InsightDay" WHERE only_clinic IS NULL OR "clinicId" = only_clinic
    UNION ALL SELECT "clinicId", "day", "authorId", "guideId", "templateId", "language", "level", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "opens"
      FROM "InsightOpenDay" WHERE only_clinic IS NULL OR "clinicId" = only_clinic
  ) r, insights_dims(r."authorId", r."guideId", r."templateId", r."language", r."level") d
  GROUP BY 1, 2, 3, 4;
END $$;

SELECT insights_rebuild();
