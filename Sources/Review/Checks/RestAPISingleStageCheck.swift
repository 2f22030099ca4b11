import Terraform

/// Notes REST APIs deployed to exactly one stage: every change goes straight to the only
/// stage callers use, with no stage to try it on first. Stages are counted by instance, so a
/// stage with `for_each` over environments counts once per environment. An API with no stage
/// is not judged.
struct RestAPISingleStageCheck: CodedCheck {
    let name = "rest-api-single-stage"

    func evaluate(_ subject: Subject, in context: CheckContext) -> [CodedVerdict] {
        guard subject.type == "aws_api_gateway_rest_api" else { return [] }
        let connected = Set(context.connections.connected(to: subject.graphNode))
        let stages = context.subjects.values
            .filter { $0.type == "aws_api_gateway_stage" && connected.contains($0.graphNode) }
            .sorted { $0.address < $1.address }
        guard stages.count == 1, let stage = stages.first else { return [] }
        let stageName = stage.body.value(at: "stage_name")?.value.stringValue.map { "`\($0)`" } ?? "`\(stage.address)`"
        return [CodedVerdict(.fail(FailureLocation(range: subject.headerRange, attributePath: "")), arguments: ["stage": stageName])]
    }
}
