// English reply templates. {customer}, {reference}, {remedy} and {agent} come from the case;
// {due_line} is a sentence about the next promised time, or nothing when there is none.

export const enTemplates = {
  'template.acknowledgement.title': 'Acknowledgement with reference',
  'template.callback.title': 'Call-back confirmation',
  'template.remedy_offered.title': 'Remedy offered',
  'template.closing.title': 'Closing the case',
  'template.greeting': 'Hello {customer},',
  'template.signoff': 'Kind regards,\n{agent}',
  'template.acknowledgement.body':
    'Thank you for contacting us. We have received your complaint and registered it under the reference {reference}. Please quote this reference whenever you contact us about the matter.\n\n{due_line}',
  'template.callback.body':
    'Thank you for talking with us about your complaint {reference}. {due_line} If the time does not suit you, reply to this message and we will agree on a new one.',
  'template.remedy_offered.body':
    'We have looked into your complaint {reference}. To put things right, we offer you the following:\n\n{remedy}\n\nPlease let us know whether this suits you. {due_line}',
  'template.closing.body':
    'Your complaint {reference} has now been dealt with and we have closed the case. Thank you for your patience, and for telling us: your feedback helps us do better. If anything in the matter is still open, reply to this message and quote the reference.',
  'template.line.contact_by': 'We will get back to you by {due}.',
  'template.line.contact_soon': 'We will get back to you as soon as we can.',
  'template.line.call_at': 'As agreed, we will call you on {due}.',
  'template.line.call_soon': 'As agreed, we will call you back; we will confirm the time shortly.',
  'template.line.remedy_by': 'We will see to it by {due}.',
  'template.remedy_placeholder': '[describe the remedy]',
};
