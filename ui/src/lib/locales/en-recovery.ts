// English: the recovery screen, shown instead of the desk when the database file cannot be used.
export const enRecovery = {
  'recovery.heading': 'The database cannot be opened',
  'recovery.problem.database_corrupt': 'The database file is damaged, so Lupaus stopped using it.',
  'recovery.problem.not_lupaus_database': 'This file is not a Lupaus database, so Lupaus did not open it.',
  'recovery.problem.database_too_new':
    'This database was saved by a newer version of Lupaus. Update Lupaus to open it.',
  'recovery.file': 'Database file:',
  'recovery.untouched': 'Lupaus has not changed this file.',
  'recovery.how_restore':
    'Restoring a backup keeps this file aside, unchanged, under a new name and puts the backup in its place. Cases saved after the backup was taken are not in it.',
  'recovery.too_new_advice':
    'To keep everything saved with the newer version, quit and update Lupaus. Restoring an older backup instead leaves out what was saved after it.',
  'recovery.accept_older': 'I want the older backup instead (the newer file is kept aside)',
  'recovery.backups': 'Backups, newest first',
  'recovery.loading': 'Looking for backups…',
  'recovery.no_backups':
    'There are no backups in {dir}. Lupaus left the file {path} untouched: copy it somewhere safe and ask your IT support to repair it or to find a backup.',
  'recovery.restore_latest': 'Restore the latest backup ({time})',
  'recovery.restore_this': 'Restore this one',
  'recovery.restoring': 'Restoring…',
  'recovery.col.taken': 'Taken',
  'recovery.col.size': 'Size',
  'recovery.col.cases': 'Cases',
  'recovery.col.restore': 'Restore',
  'recovery.not_counted': 'not counted',
  'recovery.other_database': 'Backups of another database in this folder: {count}. They are not offered here.',
  'recovery.unusable': 'Cannot be restored: {problem}',
  'recovery.dismiss': 'OK',
  'recovery.quit': 'Quit Lupaus',
  'recovery.restored':
    'Restored the backup of {time} with {cases} cases. The previous file was kept unchanged as {kept}.',
  'error.database_corrupt': 'The database file is damaged. Restore a backup to go on.',
  'error.database_unavailable': 'No database is open. Restore a backup, or quit Lupaus.',
  'error.older_backup_not_accepted':
    'This database is from a newer Lupaus. Tick the box to restore the older backup anyway, or update Lupaus.',
  'error.backup_invalid': 'That backup cannot be restored. Nothing was changed; choose another backup.',
  'error.no_room_for_backup': 'There is not enough free space for a backup in {dir}: it needs {needed_mb} MB and {free_mb} MB is free. Nothing was written. Free some space, or back up to another disk.',
};
