"""The package's layers, bottom to top, and the rule that nothing imports upwards: no module imports a module of a
higher layer, and no function imports one of our modules lazily (an import inside a function hides a circle)."""
import ast
from pathlib import Path
import pytest

PKG = Path(__file__).resolve().parent.parent / 'pwm_flow'
LAYERS = [  # bottom to top
    ('core, maths, flow, metrics, the task registry', ['pwm_flow', 'cfg', 'core', 'math', 'flow', 'metrics', 'tasks']),
    ('models and parameter arithmetic', ['models.layers', 'models.base', 'models.world_model', 'models.flow_world_model',
                                         'models.actor', 'models.critic', 'models.released', 'parity']),
    ('algorithms', ['algorithms.dynamics_loss', 'algorithms.critic_loss', 'algorithms.pwm']),
    ('config and builders', ['builders']),
    ('runtime', ['custom_tasks', 'metaworld_tasks', 'envs', 'data', 'policies', 'teacher', 'collect', 'runs', 'model_error']),
    ('apps', ['train', 'report', 'bench', 'experiment', 'docs']),
]
LAYER = {m: i for i, (_, mods) in enumerate(LAYERS) for m in mods}


def module_name(path: Path) -> str:
    rel = path.relative_to(PKG).with_suffix('')
    return ('.'.join(rel.parts[:-1]) or 'pwm_flow') if rel.name == '__init__' else '.'.join(rel.parts)


def modules() -> list[Path]:
    return sorted(p for p in PKG.rglob('*.py') if p.name not in ('_modidx.py',) and not (p.name == '__init__.py' and p.parent != PKG)
                  and 'cfg' not in p.relative_to(PKG).parts)


def imports(path: Path) -> list[tuple[str, bool]]:
    "The pwm_flow modules `path` imports (names relative to the package), each with whether the import is inside a function."
    name = module_name(path)
    package = ([] if name == 'pwm_flow' else name.split('.')) if path.name == '__init__.py' else name.split('.')[:-1]
    out = []
    def resolve(module: str | None, level: int) -> str | None:
        if level: parts = [*(package[:len(package) - level + 1]), *(module.split('.') if module else [])]
        elif module and module.split('.')[0] == 'pwm_flow': parts = module.split('.')[1:]
        else: return None
        return '.'.join(parts) or 'pwm_flow'
    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.ImportFrom) and (target := resolve(child.module, child.level)) is not None:
                for a in child.names:  # `from . import x` and `from .models import base` name modules
                    sub = a.name if target == 'pwm_flow' else f'{target}.{a.name}'
                    out.append((sub if sub in LAYER else target, inner))
            elif isinstance(child, ast.Import):
                out.extend((resolve(a.name, 0), inner) for a in child.names if resolve(a.name, 0) is not None)
            visit(child, inner)
    visit(ast.parse(path.read_text()), False)
    return out


def test_every_module_has_a_layer():
    assert sorted(set(module_name(p) for p in modules()) - set(LAYER)) == []


@pytest.mark.parametrize('path', modules(), ids=module_name)
def test_no_upward_and_no_lazy_imports(path):
    me = module_name(path)
    for target, lazy in imports(path):
        assert target in LAYER, f'{me} imports {target}, which has no layer'
        assert not lazy, f'{me} imports {target} inside a function: import it at the top, or move the code to the right layer'
        assert LAYER[target] <= LAYER[me], (f'{me} ({LAYERS[LAYER[me]][0]}) imports {target} ({LAYERS[LAYER[target]][0]}), '
                                            f'a higher layer')


def test_the_check_catches_an_upward_import(tmp_path, monkeypatch):
    "The check itself: a model importing the training app is refused."
    bad = tmp_path / 'bad.py'
    bad.write_text('from .train import main\n')
    monkeypatch.setattr(__import__(__name__), 'PKG', tmp_path)
    assert imports(bad) == [('train', False)] and LAYER['train'] > LAYER['models.base']
    lazy = tmp_path / 'lazy.py'
    lazy.write_text('def f():\n    from pwm_flow.core import ConfigError\n')
    assert imports(lazy) == [('core', True)]
