// Svenska: återställningsvyn, som visas i stället för skrivbordet när databasen inte kan användas.
import type { Part } from './en';
import type { enRecovery } from './en-recovery';

export const svRecovery: Part<typeof enRecovery> = {
  'recovery.heading': 'Databasen kan inte öppnas',
  'recovery.problem.database_corrupt': 'Databasfilen är skadad, så Lupaus slutade använda den.',
  'recovery.problem.not_lupaus_database': 'Filen är inte en Lupaus-databas, så Lupaus öppnade den inte.',
  'recovery.problem.database_too_new':
    'Databasen sparades av en nyare version av Lupaus. Uppdatera Lupaus för att öppna den.',
  'recovery.file': 'Databasfil:',
  'recovery.untouched': 'Lupaus har inte ändrat filen.',
  'recovery.how_restore':
    'När en säkerhetskopia återställs flyttas filen oförändrad åt sidan under ett nytt namn och kopian sätts i dess ställe. Ärenden som sparats efter att kopian togs finns inte i den.',
  'recovery.too_new_advice':
    'Vill du behålla allt som sparats med den nyare versionen, avsluta och uppdatera Lupaus. Återställer du en äldre kopia saknas det som sparats efter den.',
  'recovery.accept_older': 'Jag vill ändå ha den äldre kopian (den nyare filen sparas åt sidan)',
  'recovery.backups': 'Säkerhetskopior, nyaste först',
  'recovery.loading': 'Söker säkerhetskopior…',
  'recovery.no_backups':
    'Det finns inga säkerhetskopior i {dir}. Lupaus lämnade filen {path} orörd: kopiera den till en säker plats och be IT-stödet reparera den eller hitta en säkerhetskopia.',
  'recovery.restore_latest': 'Återställ den senaste kopian ({time})',
  'recovery.restore_this': 'Återställ denna',
  'recovery.restoring': 'Återställer…',
  'recovery.col.taken': 'Tagen',
  'recovery.col.size': 'Storlek',
  'recovery.col.cases': 'Ärenden',
  'recovery.col.restore': 'Återställ',
  'recovery.not_counted': 'inte räknat',
  'recovery.other_database': 'Säkerhetskopior av en annan databas i mappen: {count}. De erbjuds inte här.',
  'recovery.unusable': 'Kan inte återställas: {problem}',
  'recovery.dismiss': 'OK',
  'recovery.quit': 'Avsluta Lupaus',
  'recovery.restored':
    'Säkerhetskopian från {time} återställdes ({cases} ärenden). Den tidigare filen sparades oförändrad som {kept}.',
  'error.database_corrupt': 'Databasfilen är skadad. Återställ en säkerhetskopia för att fortsätta.',
  'error.database_unavailable': 'Ingen databas är öppen. Återställ en säkerhetskopia eller avsluta Lupaus.',
  'error.older_backup_not_accepted':
    'Databasen kommer från en nyare Lupaus. Kryssa i rutan för att ändå återställa den äldre kopian, eller uppdatera Lupaus.',
  'error.backup_invalid': 'Säkerhetskopian kan inte återställas. Inget ändrades; välj en annan kopia.',
  'error.no_room_for_backup': 'Det finns inte tillräckligt med ledigt utrymme för en säkerhetskopia i {dir}: den behöver {needed_mb} MB och {free_mb} MB är ledigt. Inget skrevs. Frigör utrymme eller säkerhetskopiera till en annan disk.',
};
