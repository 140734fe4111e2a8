//! Widgets shared by the console and the room display.
