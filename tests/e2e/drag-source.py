#!/usr/bin/python3
"""A file to drag onto the app, offered the way a file manager offers it.

WebDriver cannot drag a file from outside the page, so the drop journey does what a person does:
this small GTK window shows the file's name and offers it as a drag source (text/uri-list over
X11's XDND protocol); the journey presses the mouse on it with xdotool, moves onto Lupaus's window
and lets go. GTK on both sides speaks the real protocol, and the app hears Tauri's real drag-drop
event.

Usage: drag-source.py FILE X Y. Prints "ready" once the window is on the screen at X,Y (top-left),
then "dropped" or "failed: REASON" when the drag ends, and exits. Needs python3-gi and
gir1.2-gtk-3.0 (scripts/install-deps.sh) and Debian's own Python (/usr/bin/python3).
"""

import os
import sys

import gi

gi.require_version("Gdk", "3.0")
gi.require_version("Gtk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402

path, x, y = os.path.abspath(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
uri = GLib.filename_to_uri(path, None)

window = Gtk.Window(title="lupaus-e2e-drag-source")
window.set_decorated(False)
window.set_default_size(180, 60)
window.move(x, y)

# An event box, not a button: a button would take the press for its own click.
source = Gtk.EventBox()
source.add(Gtk.Label(label=os.path.basename(path)))
source.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
source.drag_source_add_uri_targets()
window.add(source)


def give_uris(_widget, _context, data, _info, _time):
    data.set_uris([uri])


def say(line):
    print(line, flush=True)


state = {"failed": False}


def mapped(_widget, _event):
    # "ready" once the X server shows the window, so the journey's mouse press lands on it.
    say("ready")
    return False


def failed(_widget, _context, result):
    state["failed"] = True
    say(f"failed: {result.value_nick}")
    return True


def ended(_widget, _context):
    # drag-end follows a failed drag too; drag-failed has said so first. Let GTK finish the
    # protocol's last messages before leaving.
    if not state["failed"]:
        say("dropped")
    GLib.timeout_add(300, Gtk.main_quit)


source.connect("drag-data-get", give_uris)
source.connect("drag-failed", failed)
source.connect("drag-end", ended)
window.connect("map-event", mapped)
window.show_all()
Gtk.main()
