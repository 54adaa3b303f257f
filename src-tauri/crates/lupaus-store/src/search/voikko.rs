//! Finnish base forms from libvoikko, the morphology behind LibreOffice's Finnish, loaded at run
//! time through its C interface. libvoikko is LGPL: loading the installed library keeps the app
//! MIT, and a desk without it (most Windows PCs) searches with Snowball stems instead.
//!
//! The only unsafe code in the store lives here, each block with the reason it is sound.
#![allow(unsafe_code)]

use std::collections::HashMap;
use std::ffi::{CStr, CString, c_char, c_void};
use std::sync::{Mutex, OnceLock};

use libloading::Library;

/// The names libvoikko's shared library goes by on Linux, Windows and macOS.
const LIBRARY_NAMES: [&str; 4] = ["libvoikko.so.1", "libvoikko-1.dll", "libvoikko.1.dylib", "libvoikko.dylib"];
/// Analyses kept for words seen again; complaint vocabulary repeats, analysis costs ~20 µs.
const CACHE_WORDS: usize = 50_000;

type InitFn = unsafe extern "C" fn(*mut *const c_char, *const c_char, *const c_char) -> *mut c_void;
type TerminateFn = unsafe extern "C" fn(*mut c_void);
type AnalyzeFn = unsafe extern "C" fn(*mut c_void, *const c_char) -> *mut *mut c_void;
type FreeAnalysisFn = unsafe extern "C" fn(*mut *mut c_void);
type ValueFn = unsafe extern "C" fn(*const c_void, *const c_char) -> *mut c_char;
type FreeValueFn = unsafe extern "C" fn(*mut c_char);

/// A libvoikko handle for Finnish and its word cache. libvoikko handles are not thread-safe, so
/// one thread at a time uses it (the mutex).
struct Handle {
    pointer: *mut c_void,
    cache: HashMap<String, Vec<String>>,
}

// SAFETY: the handle is only ever used behind `Voikko::handle`'s mutex, one thread at a time,
// which is all libvoikko asks of a handle.
unsafe impl Send for Handle {}

/// libvoikko, loaded and initialised for Finnish.
pub struct Voikko {
    handle: Mutex<Handle>,
    analyze: AnalyzeFn,
    free_analysis: FreeAnalysisFn,
    value: ValueFn,
    free_value: FreeValueFn,
    terminate: TerminateFn,
    // Last: the function pointers above point into it.
    _library: Library,
}

/// Why libvoikko could not be used, in a sentence; logged once, then search uses Snowball
/// stems. Not an error of the store: nothing fails for it.
#[derive(Debug)]
pub struct VoikkoMissing(String);

impl std::fmt::Display for VoikkoMissing {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl Voikko {
    /// Loads libvoikko and its Finnish dictionary from where the system installed them.
    pub fn load() -> Result<Voikko, VoikkoMissing> {
        let library = LIBRARY_NAMES
            .iter()
            // SAFETY: libvoikko's initialisers only set up its own state; loading it runs no
            // code that touches ours.
            .find_map(|name| unsafe { Library::new(name) }.ok())
            .ok_or_else(|| {
                VoikkoMissing(format!("libvoikko is not installed (looked for {})", LIBRARY_NAMES.join(", ")))
            })?;
        // SAFETY: each signature below is the one voikko.h declares for that name.
        let (init, terminate, analyze, free_analysis, value, free_value) = unsafe {
            (
                symbol::<InitFn>(&library, "voikkoInit")?,
                symbol::<TerminateFn>(&library, "voikkoTerminate")?,
                symbol::<AnalyzeFn>(&library, "voikkoAnalyzeWordCstr")?,
                symbol::<FreeAnalysisFn>(&library, "voikko_free_mor_analysis")?,
                symbol::<ValueFn>(&library, "voikko_mor_analysis_value_cstr")?,
                symbol::<FreeValueFn>(&library, "voikko_free_mor_analysis_value_cstr")?,
            )
        };
        let mut error: *const c_char = std::ptr::null();
        // SAFETY: `error` is a valid out-pointer; "fi" is NUL-terminated; a null path asks for the
        // default dictionary locations.
        let pointer = unsafe { init(&mut error, c"fi".as_ptr(), std::ptr::null()) };
        if pointer.is_null() {
            let message = if error.is_null() {
                "unknown error".to_owned()
            } else {
                // SAFETY: on failure libvoikko points `error` at a static NUL-terminated message.
                unsafe { CStr::from_ptr(error) }.to_string_lossy().into_owned()
            };
            return Err(VoikkoMissing(format!("libvoikko found no Finnish dictionary: {message}")));
        }
        Ok(Voikko {
            handle: Mutex::new(Handle { pointer, cache: HashMap::new() }),
            analyze,
            free_analysis,
            value,
            free_value,
            terminate,
            _library: library,
        })
    }

    /// The base forms of a lowercase word (`ovesta` → `ovi`; `kuusi` → `kuu`, `kuusi`), as
    /// written, without repeats; empty for a word Finnish does not know.
    pub fn base_forms(&self, word: &str) -> Vec<String> {
        let Ok(word_c) = CString::new(word) else { return Vec::new() };
        let mut handle = self.handle.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(known) = handle.cache.get(word) {
            return known.clone();
        }
        let mut bases = Vec::new();
        // SAFETY: the handle is live (terminated only in drop) and used by this thread alone
        // (the lock); `word_c` is NUL-terminated.
        let analyses = unsafe { (self.analyze)(handle.pointer, word_c.as_ptr()) };
        if !analyses.is_null() {
            let mut index = 0;
            loop {
                // SAFETY: libvoikko returns a NULL-terminated array; we stop at the NULL.
                let analysis = unsafe { *analyses.add(index) };
                if analysis.is_null() {
                    break;
                }
                // SAFETY: `analysis` is an element of the live array; the key is NUL-terminated.
                let value = unsafe { (self.value)(analysis, c"BASEFORM".as_ptr()) };
                if !value.is_null() {
                    // SAFETY: a non-null value is a NUL-terminated UTF-8 string we own until freed.
                    let base = unsafe { CStr::from_ptr(value) }.to_string_lossy().to_lowercase();
                    // SAFETY: `value` came from voikko_mor_analysis_value_cstr and is freed once.
                    unsafe { (self.free_value)(value) };
                    if !bases.contains(&base) {
                        bases.push(base);
                    }
                }
                index += 1;
            }
            // SAFETY: `analyses` came from voikkoAnalyzeWordCstr and is freed once, after its
            // last use above.
            unsafe { (self.free_analysis)(analyses) };
        }
        if handle.cache.len() >= CACHE_WORDS {
            handle.cache.clear();
        }
        handle.cache.insert(word.to_owned(), bases.clone());
        bases
    }
}

impl Drop for Voikko {
    fn drop(&mut self) {
        let handle = self.handle.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner);
        // SAFETY: the handle came from voikkoInit and nothing uses it after this.
        unsafe { (self.terminate)(handle.pointer) };
    }
}

/// A function of `library` as a plain pointer; the library outlives it in [`Voikko`].
///
/// # Safety
/// `T` must be the function's true signature.
unsafe fn symbol<T: Copy>(library: &Library, name: &'static str) -> Result<T, VoikkoMissing> {
    // SAFETY: the caller vouches for the signature.
    unsafe { library.get::<T>(name.as_bytes()) }
        .map(|symbol| *symbol)
        .map_err(|_| VoikkoMissing(format!("libvoikko lacks the function {name}")))
}

/// libvoikko for this process, loaded once; `None` where it or its dictionary is missing.
pub fn shared() -> Option<&'static Voikko> {
    static SHARED: OnceLock<Option<Voikko>> = OnceLock::new();
    SHARED
        .get_or_init(|| match Voikko::load() {
            Ok(voikko) => Some(voikko),
            Err(missing) => {
                tracing::info!(%missing, "searching Finnish with Snowball stems");
                None
            }
        })
        .as_ref()
}
