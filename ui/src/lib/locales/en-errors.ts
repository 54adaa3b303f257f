// English: why the back end refused something, by its reason key (`reason.*`, see
// `lupaus_core::reason`), and the error codes the core files do not word.

export const enErrors = {
  'error.file_too_large': 'The file is too large: attachments can be at most {max_mb} MB. Choose a smaller file or compress it.',
  'error.not_lupaus_database': 'This file is not a Lupaus database; it was left untouched. Choose another file or restore a backup.',
  'error.database_too_new': 'The database was written by a newer Lupaus. Update Lupaus to open it; the file was left untouched.',
  'error.import_rejected': 'The file has problems, so nothing was imported. Fix the rows listed and import again.',
  'error.autostart_failed': 'Starting at login could not be changed. Check that your settings folder is writable.',
  'error.autostart_unavailable': 'Lupaus cannot find where this computer keeps login programs, so it cannot start at login.',
  'error.pin_wait': 'Too many wrong PINs. Wait {seconds} seconds, then try again.',
  'error.unsupported_platform': 'Starting at login is not supported on this system.',
  'reason.case_closed': 'The case is closed; a lead can reopen it.',
  'reason.already_started': 'Work on the case has already started.',
  'reason.remedy_already_agreed': 'A remedy is already agreed; agree a different one to change it.',
  'reason.remedy_delivered': 'The remedy has been delivered; a lead can reopen the case if it did not hold.',
  'reason.already_waiting': 'The case is already waiting; resume it first.',
  'reason.not_waiting': 'The case is not waiting.',
  'reason.no_compensation_pending': 'No compensation is waiting for approval.',
  'reason.nothing_to_reopen': 'The case is still being solved; there is nothing to reopen.',
  'reason.already_delivered': 'The customer already has the remedy or the decision.',
  'reason.declined_tell_instead': 'The complaint was declined; record that the customer was told instead.',
  'reason.agreed_deliver_instead': 'A remedy was agreed; mark it delivered instead.',
  'reason.agree_remedy_first': 'Agree a remedy with the customer (or decline the complaint) first.',
  'reason.compensation_pending': 'Compensation #{id} is waiting for a lead’s approval; it must be approved or rejected first.',
  'reason.compensation_not_pending': 'Compensation #{id} is not waiting for approval.',
  'reason.deliver_before_close': 'Deliver the remedy (or tell the customer of the decline) before closing.',
  'reason.analysis_needs_closed_case': 'The case is still open; only a closed case goes back to analysis.',
  'reason.lead_decides_compensation': 'Only a lead can decide on compensation above the agent’s limit.',
  'reason.lead_closes_without_root_cause':
    'Record the root cause first; only a lead can close a case without one, giving the reason it was not analysed.',
  'reason.lead_reopens': 'Only a lead can reopen a case.',
  'reason.hand_back_bounces':
    '{person} just handed this case over; handing it straight back bounces the customer. Solve it, pass it to someone else, or ask a lead.',
  'reason.lock_agree_and_deliver_first': 'Agree and deliver the customer’s remedy first; root cause and responsibility come after.',
  'reason.lock_deliver_agreed_first':
    'Deliver the agreed remedy and tell the customer first; root cause and responsibility come after.',
  'reason.lock_tell_decline_first': 'Tell the customer about the decline first; root cause and responsibility come after.',
  'reason.required': 'Fill this in: it cannot be empty.',
  'reason.too_long': 'This is {count} characters long; shorten it to at most {max}.',
};
