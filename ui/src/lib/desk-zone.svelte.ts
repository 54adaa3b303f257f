// The desk's time zone, from its settings: every time the window shows or reads is in it, whatever
// zone the computer is set to. The back end owns the setting (desk settings' calendar); the window
// learns it at start (app_info) and when a lead saves new settings. Reactive, so shown times follow.
class DeskZone {
  /** IANA name; Europe/Helsinki until the back end has said, the desk's default too. */
  name = $state('Europe/Helsinki');

  set(name: string): void {
    if (name) this.name = name;
  }
}

export const deskZone = new DeskZone();
