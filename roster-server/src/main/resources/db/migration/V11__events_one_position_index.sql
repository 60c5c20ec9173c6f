-- Every event insert and every position the sequencer gives wrote an entry into both indexes on position.
-- (position, seq) serves the sequencer's probe and the readers' position ranges alike; positions stay unique
-- because only the sequencer gives them, one batch at a time under the event_sequencer row's lock.
drop index events_by_position;
