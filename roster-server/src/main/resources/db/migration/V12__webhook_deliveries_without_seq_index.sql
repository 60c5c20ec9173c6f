-- Nothing reads deliveries in seq order across endpoints any more: the listing goes by (endpoint_id, seq) and the
-- claim keeps its own order. The index cost three entries per delivery (queued, claimed, delivered).
drop index webhook_deliveries_by_seq;
