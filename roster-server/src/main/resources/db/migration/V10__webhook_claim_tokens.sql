-- Each claim stamps the deliveries it takes with a random token. An attempt changes its delivery only while the
-- delivery still carries the token of the claim that sent it: an attempt that outlasted its lease must not
-- overwrite the outcome of the instance that claimed the delivery again.
alter table webhook_deliveries add column claim_token bigint;
