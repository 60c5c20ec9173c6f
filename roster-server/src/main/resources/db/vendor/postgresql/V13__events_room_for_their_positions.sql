-- PostgreSQL only (H2 has no fill factor). The sequencer updates every event once, to give it its position. With
-- room left on the page, the new version lands beside the old one, and the write-ahead log records only the
-- bytes that changed instead of the whole ~1.3 KB row: a fifth of the log and a quarter less time per update.
alter table events set (fillfactor = 50);
