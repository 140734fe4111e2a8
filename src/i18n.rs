//! User-interface strings in Chinese and English.
