-- The four roles are part of the schema, not demo data: the policy layer refers to them by type.
INSERT INTO "roles" ("name", "type", "description") VALUES
  ('Student', 'student', 'Learns: enrolls in courses, records progress, takes quizzes.'),
  ('Parent', 'parent', 'Follows linked children: reads their progress, achievements and certificates.'),
  ('Teacher', 'teacher', 'Builds courses, lessons and quizzes; follows students; awards achievements.'),
  ('Admin', 'admin', 'Runs the school: every resource.')
ON CONFLICT ("type") DO NOTHING;
