//! The release workflow (.github/workflows/release.yml) keeps its essentials: it runs on a
//! version tag, builds and tests on Windows (x86_64-pc-windows-msvc), macOS and Linux, and
//! attaches to the release an archive per system holding the program, README.md, the user
//! guide (docs/), the sample year and the license of the font built into the program.
//! (Its form is checked against GitHub's schema with check-jsonschema; see the README.)

use yaml_rust2::{Yaml, YamlLoader};

fn workflow() -> Yaml {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/release.yml");
    let text = std::fs::read_to_string(&path).expect("the release workflow");
    let mut docs = YamlLoader::load_from_str(&text).expect("valid YAML");
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

fn strings(list: &Yaml) -> Vec<&str> {
    list.as_vec()
        .map(|v| v.iter().filter_map(Yaml::as_str).collect())
        .unwrap_or_default()
}

/// Every `run:` of a job's steps, one after the other.
fn runs(job: &Yaml) -> String {
    job["steps"]
        .as_vec()
        .expect("steps")
        .iter()
        .filter_map(|s| s["run"].as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn it_runs_on_a_version_tag_and_nothing_else() {
    let w = workflow();
    // (a YAML 1.2 reader, as GitHub's: `on` is a key, not the boolean of YAML 1.1)
    let on = &w["on"];
    assert!(!on.is_badvalue(), "a trigger");
    let triggers: Vec<&str> = on
        .as_hash()
        .expect("on: a map")
        .keys()
        .filter_map(Yaml::as_str)
        .collect();
    assert_eq!(triggers, ["push"]);
    assert_eq!(strings(&on["push"]["tags"]), ["v*"]);
    assert!(on["push"]["branches"].is_badvalue());
    assert_eq!(w["permissions"]["contents"].as_str(), Some("write"));
}

#[test]
fn it_builds_and_tests_on_windows_macos_and_linux() {
    let w = workflow();
    let build = &w["jobs"]["build"];
    let matrix = build["strategy"]["matrix"]["include"]
        .as_vec()
        .expect("a matrix of systems");
    let systems: Vec<(&str, &str)> = matrix
        .iter()
        .map(|m| (m["os"].as_str().unwrap(), m["target"].as_str().unwrap()))
        .collect();
    let has = |os: &str, target: &str| {
        systems
            .iter()
            .any(|(o, t)| o.starts_with(os) && t.ends_with(target))
    };
    assert!(has("windows", "x86_64-pc-windows-msvc"), "{systems:?}");
    assert!(has("macos", "-apple-darwin"), "{systems:?}");
    assert!(has("ubuntu", "-unknown-linux-gnu"), "{systems:?}");
    assert_eq!(build["runs-on"].as_str(), Some("${{ matrix.os }}"));
    // the program of Windows is the .exe
    let windows = matrix
        .iter()
        .find(|m| m["os"].as_str().unwrap().starts_with("windows"))
        .unwrap();
    assert_eq!(windows["exe"].as_str(), Some("par-index.exe"));
    // the tests run, for the target built, before anything is packed
    let run = runs(build);
    let test = run
        .find("cargo test --release --locked --target ${{ matrix.target }}")
        .expect("the tests run");
    let pack = run.find("cargo build --release").expect("a release build");
    assert!(test < pack, "tested before it is packed");
}

#[test]
fn the_archives_hold_the_program_its_guide_and_the_sample_year() {
    let w = workflow();
    let run = runs(&w["jobs"]["build"]);
    for copied in [
        "cp \"target/${{ matrix.target }}/release/${{ matrix.exe }}\" \"dist/$name/\"",
        "cp README.md CHANGELOG.md \"dist/$name/\"",
        "cp criteria/README.md \"dist/$name/criteria/\"",
        "cp -R docs \"dist/$name/docs\"",
        "cp -R samples/2023 \"dist/$name/samples/2023\"",
        "cp assets/fonts/LICENSE",
    ] {
        assert!(run.contains(copied), "the archive gets {copied}:\n{run}");
    }
    assert!(
        run.contains("7z a -tzip \"$name.zip\""),
        "a zip for Windows"
    );
    assert!(
        run.contains("tar -czf \"$name.tar.gz\""),
        "a tarball elsewhere"
    );
    // what is copied is in the repository
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for path in [
        "README.md",
        "CHANGELOG.md",
        "criteria/README.md",
        "docs/vi/huong-dan-su-dung.md",
        "samples/2023/units.csv",
        "assets/fonts/LICENSE",
    ] {
        assert!(root.join(path).is_file(), "{path}");
    }
    // and attached to the tag's release, with checksums
    let release = &w["jobs"]["release"];
    assert_eq!(release["needs"].as_str(), Some("build"));
    let run = runs(release);
    assert!(run.contains("sha256sum par-index-* > SHA256SUMS"), "{run}");
    assert!(
        run.contains("gh release upload \"$GITHUB_REF_NAME\" dist/*"),
        "{run}"
    );
}
