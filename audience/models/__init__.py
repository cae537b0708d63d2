"""Model files: where they come from (registry packages), how they become ONNX, where they live.

Every network the audience engine runs is a manifest plus an ONNX file in the models
folder (`signage models install` writes both). The converters here read the weights as
their packages ship them (tfjs graph models and weight shards, a legacy PyTorch pickle)
with numpy alone: no TensorFlow and no PyTorch at install or run time.
"""
