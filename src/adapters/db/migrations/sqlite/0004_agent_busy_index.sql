-- Calls left holding an agent by earlier failures (an outbound call stuck in idle) would make the
-- index fail to build: of each agent's held calls all but the newest end as failed first.
UPDATE `calls` SET
  `state` = 'ended',
  `ended_at` = coalesce(`ended_at`, `created_at`),
  `version` = `version` + 1,
  `call` = json_set(`call`, '$.state', 'ended', '$.outcome', 'failed', '$.endedBy', 'system', '$.failureReason', 'superseded_by_a_newer_call', '$.timestamps.endedAt', coalesce(`ended_at`, `created_at`))
WHERE `calls`.`agent_user_id` is not null and (`calls`.`state` = 'connected' or (`calls`.`direction` = 'outbound' and `calls`.`state` in ('idle', 'ringing')))
  AND EXISTS (
    SELECT 1 FROM `calls` AS `newer`
    WHERE `newer`.`company_id` = `calls`.`company_id` AND `newer`.`agent_user_id` = `calls`.`agent_user_id` AND `newer`.`id` <> `calls`.`id`
      AND `newer`.`agent_user_id` is not null and (`newer`.`state` = 'connected' or (`newer`.`direction` = 'outbound' and `newer`.`state` in ('idle', 'ringing')))
      AND (`newer`.`created_at` > `calls`.`created_at` OR (`newer`.`created_at` = `calls`.`created_at` AND `newer`.`id` > `calls`.`id`))
  );--> statement-breakpoint
CREATE UNIQUE INDEX `calls_agent_busy_unique` ON `calls` (`company_id`,`agent_user_id`) WHERE agent_user_id is not null and (state = 'connected' or (direction = 'outbound' and state in ('idle', 'ringing')));