//! Themes: every shipped theme loads; a broken theme file is refused with
//! file, line and field.

use jifen::tui::theme::{Role, Theme, ThemeError};
use ratatui::style::{Color, Modifier};

#[test]
fn every_shipped_theme_loads() {
    let names = Theme::shipped_names();
    for want in [
        "default",
        "projector-dark",
        "projector-light",
        "high-contrast",
    ] {
        assert!(names.contains(&want), "{want} is shipped");
    }
    for name in names {
        let t = Theme::shipped(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(t.name, name);
        assert_eq!(Theme::load(name).as_ref(), Ok(&t));
        if name != "default" {
            // Projector themes set both colours of the screen and use bold text.
            let base = t.style(Role::Base);
            assert!(base.fg.is_some() && base.bg.is_some(), "{name}");
            assert!(base.add_modifier.contains(Modifier::BOLD), "{name}");
        }
    }
}

#[test]
fn high_contrast_inherits_and_recolours() {
    let dark = Theme::shipped("projector-dark").expect("dark");
    let hc = Theme::shipped("high-contrast").expect("hc");
    // Inherited role, recoloured through the palette.
    assert_eq!(hc.style(Role::Title).fg, Some(Color::Rgb(255, 255, 0)));
    assert_eq!(dark.style(Role::Title).fg, Some(Color::Rgb(255, 215, 0)));
    // Inherited as is.
    assert_eq!(hc.style(Role::Base), dark.style(Role::Base));
    // Own role.
    assert!(hc
        .style(Role::Provisional)
        .add_modifier
        .contains(Modifier::UNDERLINED));
}

fn invalid(r: Result<Theme, ThemeError>) -> (String, usize, String, String) {
    match r {
        Err(ThemeError::Invalid {
            file,
            line,
            field,
            reason,
        }) => (file, line, field, reason.to_string()),
        other => panic!("expected an invalid-theme error, got {other:?}"),
    }
}

#[test]
fn bad_colour_names_file_line_field() {
    let text = "name = \"mine\"\n\n[palette]\nink = \"#112233\"\n\n[styles]\nbase = { fg = \"ink\" }\ntitle = { fg = \"yelow\", bold = true }\n";
    let (file, line, field, message) = invalid(Theme::parse("my-theme.toml", text, None));
    assert_eq!(
        (file.as_str(), line, field.as_str()),
        ("my-theme.toml", 8, "styles.title.fg")
    );
    assert!(message.contains("yelow"), "{message}");
    let e = Theme::parse("my-theme.toml", text, None).expect_err("bad");
    assert!(
        e.to_string()
            .starts_with("my-theme.toml:8: styles.title.fg: "),
        "{e}"
    );
}

#[test]
fn bad_palette_entry() {
    let text = "[palette]\nink = \"#12345\"\n";
    let (_, line, field, _) = invalid(Theme::parse("t.toml", text, None));
    assert_eq!((line, field.as_str()), (2, "palette.ink"));
}

#[test]
fn unknown_role_and_unknown_style_key() {
    let text = "[styles]\nbase = { fg = \"red\" }\ntitel = { fg = \"red\" }\n";
    let (_, line, field, message) = invalid(Theme::parse("t.toml", text, None));
    assert_eq!(line, 3, "{message}");
    assert!(field.contains("titel"), "{field}");
    let text = "[styles]\nbase = { fg = \"red\", blink = true }\n";
    let (_, line, field, _) = invalid(Theme::parse("t.toml", text, None));
    assert_eq!(line, 2);
    assert!(
        field.starts_with("styles.base") && field.ends_with("blink"),
        "{field}"
    );
}

#[test]
fn syntax_error_and_wrong_type() {
    let text = "name = \"x\"\n[styles]\nbase = { fg = \"red\" \n";
    let (_, line, field, _) = invalid(Theme::parse("t.toml", text, None));
    assert_eq!(line, 3);
    assert_eq!(field, "styles.base");
    let text = "[styles]\ntitle = { bold = \"yes\" }\n";
    let (_, line, field, _) = invalid(Theme::parse("t.toml", text, None));
    assert_eq!((line, field.as_str()), (2, "styles.title"));
}

#[test]
fn inherit_errors_and_files() {
    let (_, line, field, message) =
        invalid(Theme::parse("t.toml", "\ninherit = \"no-such\"\n", None));
    assert_eq!((line, field.as_str()), (2, "inherit"));
    assert!(message.contains("no-such"));

    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.toml");
    let b = dir.path().join("b.toml");
    std::fs::write(&a, "inherit = \"b\"\n").expect("write");
    std::fs::write(&b, "# loops back\ninherit = \"a\"\n").expect("write");
    let (file, line, field, _) = invalid(Theme::load(&a.display().to_string()));
    assert!(file.ends_with("b.toml"), "{file}");
    assert_eq!((line, field.as_str()), (2, "inherit"));

    // A file theme inheriting a shipped one and overriding a role.
    std::fs::write(
        &b,
        "inherit = \"projector-light\"\n[styles]\nbig = { fg = \"blue\" }\n",
    )
    .expect("write");
    let t = Theme::load(&b.display().to_string()).expect("loads");
    assert_eq!(t.big_colour(), Color::Blue);
    assert_eq!(
        t.style(Role::Base),
        Theme::shipped("projector-light")
            .expect("light")
            .style(Role::Base)
    );

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "pixel = \"##\"\n").expect("write");
    let (file, line, field, _) = invalid(Theme::load(&bad.display().to_string()));
    assert_eq!(
        (file, line, field.as_str()),
        (bad.display().to_string(), 1, "pixel")
    );
}

#[test]
fn unknown_theme_name_lists_the_shipped_ones() {
    let e = Theme::load("sepia").expect_err("unknown");
    assert!(e.to_string().contains("projector-dark"), "{e}");
    let e = Theme::load("/no/such/theme.toml").expect_err("missing");
    assert!(matches!(e, ThemeError::Io { .. }), "{e:?}");
}
