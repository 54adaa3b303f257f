// The views App.svelte loads lazily (after the first paint, or when first asked for), imported
// up front: in the app they are ready by the time a person clicks, but in Vitest a first import
// is transformed on demand and can take longer than a query waits on a loaded machine. The tests
// still go through the lazy path; its import() then finds the modules loaded.
import '../lib/case/CaseView.svelte';
import '../lib/lead/LeadView.svelte';
import '../lib/lessons/LessonsView.svelte';
import '../lib/settings/SettingsView.svelte';
import '../lib/Recovery.svelte';
