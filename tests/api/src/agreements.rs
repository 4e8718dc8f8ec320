//! Factories for agreements, commitments and documents, through the API as a client would.

use crate::TestApp;
use serde_json::{Value, json};

pub const AGREEMENT_FIELDS: &str = "id title status version validFrom validUntil expiresInDays
    parties { organization { id name } signatoryName signedOn signed viewerCanSign }
    commitments { id title status progressValue progressPercent targetValue version notes { body progressAmount } }
    previousAgreement { id } renewedBy { id }";

impl TestApp {
    /// A draft agreement between `parties` (organization global ids) of `alliance`, created by
    /// `token`; its term runs from `from` to `until` (`YYYY-MM-DD`). Returns the agreement.
    pub async fn create_agreement(
        &self,
        token: &str,
        alliance: &str,
        parties: &[&str],
        from: &str,
        until: &str,
    ) -> Value {
        let answer = self
            .gql(
                Some(token),
                &format!(
                    "mutation($input: CreateAgreementInput!) {{ createAgreement(input: $input) {{
                        agreement {{ {AGREEMENT_FIELDS} }} userErrors {{ field code message }} }} }}"
                ),
                json!({ "input": { "allianceId": alliance, "title": "党建共建协议", "body": "# 协议\n\n共建共享。",
                    "validFrom": from, "validUntil": until, "parties": parties } }),
            )
            .await;
        let payload = &answer.ok()["createAgreement"];
        assert_eq!(payload["userErrors"], json!([]), "{}", answer.body);
        payload["agreement"].clone()
    }

    /// Signs `agreement` for `organization` as `token`; returns the whole answer.
    pub async fn sign_agreement(
        &self,
        token: &str,
        agreement: &str,
        organization: &str,
    ) -> crate::Gql {
        self.gql(
            Some(token),
            &format!(
                "mutation($input: SignAgreementInput!) {{ signAgreement(input: $input) {{
                    agreement {{ {AGREEMENT_FIELDS} }} userErrors {{ field code message }} }} }}"
            ),
            json!({ "input": { "id": agreement, "organizationId": organization, "signatoryName": "张书记", "signatoryPosition": "党支部书记" } }),
        )
        .await
    }

    /// A commitment of `agreement` owned by `owner`, with a numeric target of 10 次.
    pub async fn add_commitment(&self, token: &str, agreement: &str, owner: &str) -> Value {
        let answer = self
            .gql(
                Some(token),
                "mutation($input: AddCommitmentInput!) { addCommitment(input: $input) {
                    commitment { id title version status progressPercent } userErrors { field code message } } }",
                json!({ "input": { "agreementId": agreement, "ownerOrganizationId": owner, "title": "联合开展志愿服务",
                    "targetValue": 10, "targetUnit": "次" } }),
            )
            .await;
        let payload = &answer.ok()["addCommitment"];
        assert_eq!(payload["userErrors"], json!([]), "{}", answer.body);
        payload["commitment"].clone()
    }

    /// A document of `alliance` with its first version; returns the document.
    pub async fn create_document(&self, token: &str, alliance: &str, kind: &str) -> Value {
        let answer = self
            .gql(
                Some(token),
                "mutation($input: CreateDocumentInput!) { createDocument(input: $input) {
                    document { id kind title versions { id number label } } userErrors { field code message } } }",
                json!({ "input": { "allianceId": alliance, "kind": kind, "title": "工作规则", "body": "第一条 ……", "label": "试行", "effectiveOn": "2020-01-01" } }),
            )
            .await;
        let payload = &answer.ok()["createDocument"];
        assert_eq!(payload["userErrors"], json!([]), "{}", answer.body);
        payload["document"].clone()
    }
}
