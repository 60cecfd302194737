//! Unit tests for HTML extraction (fixtures written for this project).
