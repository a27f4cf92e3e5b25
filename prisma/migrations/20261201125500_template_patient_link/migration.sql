-- A template's patient-link choice: true or false as saved, NULL to follow the clinic's default.
ALTER TABLE "Template" ADD COLUMN "patientLink" BOOLEAN;
