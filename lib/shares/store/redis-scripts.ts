/**
 * The Redis share store's Lua scripts. Each runs whole or not at all, so no other client can slip
 * between a check and a write. KEYS are always [record, views, marks, comments] or a prefix of
 * that in the order the script names; every key of a share expires with its record.
 */

// Inside one script Redis 7 reads the clock once, so PTTL then PEXPIRE lands on the record's own
// instant (PEXPIRETIME would say it directly but is missing from some hosted Redis).
const EXPIRE_LIKE = `
local function expireLike(key, model)
  local ttl = redis.call('PTTL', model)
  if ttl > 0 then redis.call('PEXPIRE', key, ttl) end
end`;

// A missing record means unknown or forgotten: writing then would leave keys no record owns. A
// revoked one must not take feedback either, or a client racing the revoke refills the tombstone.
const TAKES_FEEDBACK = `
local function takesFeedback(key)
  local raw = redis.call('GET', key)
  if not raw then return false end
  local revoked = cjson.decode(raw).revokedAt
  return revoked == nil or revoked == cjson.null
end`;

/** KEYS record, views, marks, comments; ARGV json, forgetAt ('' = never). 1 created, 0 taken. */
export const CREATE = `
if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return 0 end
-- Ids are random, so these cannot exist; if one did, it must not join the new share.
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
if ARGV[2] ~= '' then redis.call('PEXPIREAT', KEYS[1], ARGV[2]) end
return 1`;

/**
 * KEYS record, views, marks, comments; ARGV sha1 of the record read, new json, forgetAt ('' =
 * never), '1' when revoked. 0 when the record changed (or went) since it was read.
 */
export const UPDATE = `
local current = redis.call('GET', KEYS[1])
if not current or redis.sha1hex(current) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
if ARGV[4] == '1' then redis.call('DEL', KEYS[3], KEYS[4]) end
for i = 1, #KEYS do
  if ARGV[3] == '' then redis.call('PERSIST', KEYS[i]) else redis.call('PEXPIREAT', KEYS[i], ARGV[3]) end
end
return 1`;

/** KEYS record, views. The new total, or 0 for an unknown share (not counted). */
export const ADD_VIEW = `${EXPIRE_LIKE}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local total = redis.call('INCR', KEYS[2])
expireLike(KEYS[2], KEYS[1])
return total`;

/** KEYS record, marks; ARGV field, entry json ('' clears). */
export const SET_MARK = `${EXPIRE_LIKE}${TAKES_FEEDBACK}
if not takesFeedback(KEYS[1]) then return 0 end
if ARGV[2] == '' then
  redis.call('HDEL', KEYS[2], ARGV[1])
else
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
  expireLike(KEYS[2], KEYS[1])
end
return 1`;

/** KEYS record, comments; ARGV entry json. */
export const ADD_COMMENT = `${EXPIRE_LIKE}${TAKES_FEEDBACK}
if not takesFeedback(KEYS[1]) then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[1])
expireLike(KEYS[2], KEYS[1])
return 1`;

/** KEYS marks, comments: both read at one instant, so the owner never sees half a write. */
export const FEEDBACK = `
return {redis.call('HGETALL', KEYS[1]), redis.call('LRANGE', KEYS[2], 0, -1)}`;
