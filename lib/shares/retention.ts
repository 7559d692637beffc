/**
 * How long the files behind a share live, said honestly. A share only points at the files fal
 * returned; fal's "Data Retention & Storage" page says generated media stays on its CDN for as
 * long as the account's storage settings (or a run's X-Fal-Object-Lifecycle-Preference header)
 * say, and expired files are deleted for good. This playground sends no lifecycle preference with
 * a run, so the account's setting decides. A file fal no longer serves shows as "expired".
 */
export const RETENTION_NOTE =
  "Images stay on fal's CDN as long as your fal account's storage settings keep them " +
  "(fal.ai dashboard → storage; this playground asks for no expiry of its own). " +
  "The link can outlive a file: an image fal has deleted shows as expired on the page. " +
  "In demo mode the files live in this server's memory and are gone when it restarts.";
