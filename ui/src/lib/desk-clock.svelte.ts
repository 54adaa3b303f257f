// One "now" for everything that words how near a promise is. The reminders banner and the case
// list each used to keep their own, a minute apart at worst: when a promise fell due the banner
// said "1 min late" while the list still said "due now". Both now read this one.
class DeskClock {
  now = $state(new Date());

  /** Reads the wall clock again; every view that words a due time follows. */
  tick(): void {
    this.now = new Date();
  }
}

export const deskClock = new DeskClock();
