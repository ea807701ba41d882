// Cut from pydantic/pydantic-core at 383eb95a19433754c0cecf7025b50c26b6d97a36, src/validators/arguments_v3.rs (reduced):
// the imports (:1-23), `ParameterMode` (:25-33), `Parameter` and `ArgumentsV3Validator` (:51-76), and the first part of
// `validate_from_argskwargs` (:510-633, the loop over the non-variadic parameters) with its last lines (:753-759).
// The variadic-argument handling between them (:634-752) is left out. `validate_from_argskwargs` runs on every call of a
// `@validate_call` function; `build` (once per schema, left out) fills `parameters` from the schema.
use std::str::FromStr;
use std::sync::Arc;

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use ahash::AHashSet;
use pyo3::IntoPyObjectExt;

use crate::build_tools::py_schema_err;
use crate::build_tools::{schema_or_config_same, ExtraBehavior};
use crate::errors::LocItem;
use crate::errors::{ErrorTypeDefaults, ValError, ValLineError, ValResult};
use crate::input::ConsumeIterator;
use crate::input::{
    Arguments, BorrowInput, Input, KeywordArgs, PositionalArgs, ValidatedDict, ValidatedTuple, ValidationMatch,
};
use crate::lookup_key::LookupKeyCollection;
use crate::tools::SchemaDict;

use super::validation_state::ValidationState;
use super::{build_validator, BuildValidator, CombinedValidator, DefinitionsBuilder, Validator};

#[derive(Debug, PartialEq)]
enum ParameterMode {
    PositionalOnly,
    PositionalOrKeyword,
    VarArgs,
    KeywordOnly,
    VarKwargsUniform,
    VarKwargsUnpackedTypedDict,
}

#[derive(Debug)]
struct Parameter {
    name: String,
    mode: ParameterMode,
    lookup_key_collection: LookupKeyCollection,
    validator: Arc<CombinedValidator>,
}

impl Parameter {
    fn is_variadic(&self) -> bool {
        matches!(
            self.mode,
            ParameterMode::VarArgs | ParameterMode::VarKwargsUniform | ParameterMode::VarKwargsUnpackedTypedDict
        )
    }
}

#[derive(Debug)]
pub struct ArgumentsV3Validator {
    parameters: Vec<Parameter>,
    positional_params_count: usize,
    loc_by_alias: bool,
    extra: ExtraBehavior,
    validate_by_alias: Option<bool>,
    validate_by_name: Option<bool>,
}

impl ArgumentsV3Validator {
    /// ```py
    /// def func(a: int, /, *, b: str, **kwargs: int) -> None:
    ///     ...
    ///
    /// valid_argskwargs = ArgsKwargs((1,), {'b': 'test', 'c': 1, 'd': 2})
    /// ```
    fn validate_from_argskwargs<'py>(
        &self,
        py: Python<'py>,
        original_input: &(impl Input<'py> + ?Sized),
        args_kwargs: impl Arguments<'py>,
        state: &mut ValidationState<'_, 'py>,
    ) -> ValResult<Py<PyAny>> {
        let mut output_args: Vec<Py<PyAny>> = Vec::with_capacity(self.positional_params_count);
        let output_kwargs = PyDict::new(py);
        let mut errors: Vec<ValLineError> = Vec::new();
        let mut used_kwargs: AHashSet<&str> = AHashSet::with_capacity(self.parameters.len());

        let validate_by_alias = state.validate_by_alias_or(self.validate_by_alias);
        let validate_by_name = state.validate_by_name_or(self.validate_by_name);
        let extra_behavior = state.extra_behavior_or(self.extra);

        // go through non variadic parameters, getting the value from args or kwargs and validating it
        for (index, parameter) in self.parameters.iter().filter(|p| !p.is_variadic()).enumerate() {
            let lookup_key = parameter
                .lookup_key_collection
                .select(validate_by_alias, validate_by_name)?;

            let mut pos_value = None;
            if let Some(args) = args_kwargs.args() {
                if matches!(
                    parameter.mode,
                    ParameterMode::PositionalOnly | ParameterMode::PositionalOrKeyword
                ) {
                    pos_value = args.get_item(index);
                }
            }

            let mut kw_value = None;
            if let Some(kwargs) = args_kwargs.kwargs() {
                if matches!(
                    parameter.mode,
                    ParameterMode::PositionalOrKeyword | ParameterMode::KeywordOnly
                ) {
                    if let Some((lookup_path, value)) = kwargs.get_item(lookup_key)? {
                        used_kwargs.insert(lookup_path.first_key());
                        kw_value = Some((lookup_path, value));
                    }
                }
            }

            match (pos_value, kw_value) {
                (Some(_), Some((_, kw_value))) => {
                    errors.push(ValLineError::new_with_loc(
                        ErrorTypeDefaults::MultipleArgumentValues,
                        kw_value.borrow_input(),
                        parameter.name.clone(),
                    ));
                }
                (Some(pos_value), None) => match parameter.validator.validate(py, pos_value.borrow_input(), state) {
                    Ok(value) => output_args.push(value),
                    Err(ValError::LineErrors(line_errors)) => {
                        errors.extend(line_errors.into_iter().map(|err| err.with_outer_location(index)));
                    }
                    Err(err) => return Err(err),
                },
                (None, Some((lookup_path, kw_value))) => {
                    match parameter.validator.validate(py, kw_value.borrow_input(), state) {
                        Ok(value) => {
                            output_kwargs.set_item(PyString::new(py, parameter.name.as_str()).unbind(), value)?;
                        }
                        Err(ValError::LineErrors(line_errors)) => {
                            errors.extend(
                                line_errors
                                    .into_iter()
                                    .map(|err| lookup_path.apply_error_loc(err, self.loc_by_alias, &parameter.name)),
                            );
                        }
                        Err(err) => return Err(err),
                    }
                }
                (None, None) => {
                    if let Some(value) = parameter
                        .validator
                        .default_value(py, Some(parameter.name.as_str()), state)?
                    {
                        if parameter.mode == ParameterMode::PositionalOnly {
                            output_args.push(value);
                        } else {
                            output_kwargs.set_item(PyString::new(py, parameter.name.as_str()).unbind(), value)?;
                        }
                    } else {
                        // Required and no default, error:
                        match parameter.mode {
                            ParameterMode::PositionalOnly => {
                                errors.push(ValLineError::new_with_loc(
                                    ErrorTypeDefaults::MissingPositionalOnlyArgument,
                                    original_input,
                                    index,
                                ));
                            }
                            ParameterMode::PositionalOrKeyword => {
                                errors.push(lookup_key.error(
                                    ErrorTypeDefaults::MissingArgument,
                                    original_input,
                                    self.loc_by_alias,
                                    &parameter.name,
                                ));
                            }
                            ParameterMode::KeywordOnly => {
                                errors.push(lookup_key.error(
                                    ErrorTypeDefaults::MissingKeywordOnlyArgument,
                                    original_input,
                                    self.loc_by_alias,
                                    &parameter.name,
                                ));
                            }
                            _ => unreachable!(),
                        }
                    }
                }
            }
        }

        // … variadic arguments (:634-752) left out …

        if !errors.is_empty() {
            Err(ValError::LineErrors(errors))
        } else {
            Ok((PyTuple::new(py, output_args)?, output_kwargs).into_py_any(py)?)
        }
    }
}
