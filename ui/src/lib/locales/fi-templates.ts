// Suomenkieliset vastauspohjat; paikkamerkit kuten englanninkielisissä.
import type { Part } from './en';
import type { enTemplates } from './en-templates';

export const fiTemplates: Part<typeof enTemplates> = {
  'template.acknowledgement.title': 'Vastaanottokuittaus ja tunnus',
  'template.callback.title': 'Takaisinsoiton vahvistus',
  'template.remedy_offered.title': 'Hyvitystarjous',
  'template.closing.title': 'Tapauksen päättäminen',
  'template.greeting': 'Hei {customer},',
  'template.signoff': 'Ystävällisin terveisin\n{agent}',
  'template.acknowledgement.body':
    'Kiitos yhteydenotostasi. Olemme vastaanottaneet reklamaatiosi ja kirjanneet sen tunnuksella {reference}. Mainitsethan tunnuksen, kun olet meihin yhteydessä tässä asiassa.\n\n{due_line}',
  'template.callback.body':
    'Kiitos, että keskustelit kanssamme reklamaatiostasi {reference}. {due_line} Jos aika ei sovi sinulle, vastaa tähän viestiin, niin sovitaan uusi aika.',
  'template.remedy_offered.body':
    'Olemme selvittäneet reklamaatiosi {reference}. Asian korjaamiseksi tarjoamme sinulle seuraavaa:\n\n{remedy}\n\nKerrothan, sopiiko tämä sinulle. {due_line}',
  'template.closing.body':
    'Reklamaatiosi {reference} on nyt käsitelty, ja olemme päättäneet asian käsittelyn. Kiitos kärsivällisyydestäsi ja siitä, että kerroit meille – palautteesi auttaa meitä parantamaan toimintaamme. Jos asiassa on vielä jotain kesken, vastaa tähän viestiin ja mainitse tunnus.',
  'template.line.contact_by': 'Palaamme asiaan viimeistään {due}.',
  'template.line.contact_soon': 'Palaamme asiaan mahdollisimman pian.',
  'template.line.call_at': 'Kuten sovimme, soitamme sinulle {due}.',
  'template.line.call_soon': 'Kuten sovimme, soitamme sinulle takaisin; vahvistamme ajan pian.',
  'template.line.remedy_by': 'Hoidamme asian viimeistään {due}.',
  'template.remedy_placeholder': '[kuvaa hyvitys]',
};
