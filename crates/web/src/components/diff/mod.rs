//! The diff page's pieces: run 2's loader and picker ([`second_run`]), the run pickers
//! ([`run_picker`]), the per-model table ([`table`]), the slope chart ([`chart`]) and the dumbbell plot ([`dumbbell`]), the per-prompt
//! list ([`prompts`]) and the summary and consistency ([`summary`]).

pub mod chart;
pub mod dumbbell;
pub mod prompts;
pub mod run_picker;
pub mod second_run;
pub mod summary;
pub mod table;
