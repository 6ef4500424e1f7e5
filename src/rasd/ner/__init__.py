"""Arabic named-entity recognition: the shipped CRF, training, evaluation and the pipeline stage."""
