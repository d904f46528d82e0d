"""Build settings of Kiln's rules.

    bazel build --@kiln//rules:verify_ir //app   # kilnc verifies its IR after every pass
"""

VerifyIrInfo = provider(fields = {"value": "whether kilnc verifies the Kiln IR after every pass"})

def _bool_setting_impl(ctx):
    return [VerifyIrInfo(value = ctx.build_setting_value)]

verify_ir_setting = rule(
    implementation = _bool_setting_impl,
    build_setting = config.bool(flag = True),
)
