-- Issue 8: a vacataire or candidate erased by anonymisation (GDPR), and when.
alter table vacataire add column anonymised_at timestamptz;
