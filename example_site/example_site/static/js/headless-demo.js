// A front-end that knows the city's site only through its APIs: the measures list and the
// feedback form of wagtail-integration. Plain JavaScript, no framework, no build step.
"use strict";

const RTL_LANGUAGES = ["ar", "fa", "he", "ur"];
// Wagtail 8 serves the package's router in its API v3; Wagtail 7.4 sites mount it at /api/.
const API_BASES = ["/api/v3/integration", "/api/integration"];
let apiBase = null;

const $ = (id) => document.getElementById(id);

function element(tag, attributes = {}, text = "") {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
    }
    if (text) node.textContent = text; // never innerHTML for data from the API
    return node;
}

async function findApiBase() {
    for (const base of API_BASES) {
        const response = await fetch(`${base}/measures/?limit=1`, { headers: { Accept: "application/json" } });
        if (response.ok) return base;
    }
    throw new Error("No wagtail-integration API found on this site.");
}

async function getJSON(url, language) {
    const response = await fetch(url, { headers: { Accept: "application/json", "Accept-Language": language } });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
}

async function showMeasures(language) {
    const list = $("measures");
    list.replaceChildren();
    $("measures-status").textContent = "…";
    const data = await getJSON(`${apiBase}/measures/?locale=${encodeURIComponent(language)}&limit=500`, language);
    for (const measure of data.items) {
        const item = element("li");
        const link = element("a", { href: measure.url }, measure.title);
        item.append(link, element("span", { class: "status" }, measure.status_label));
        if (measure.progress !== null) item.append(` ${measure.progress} %`);
        if (measure.summary) item.append(element("p", {}, measure.summary));
        list.append(item);
    }
    $("measures-status").textContent = `${data.count}`;
}

function fieldControl(field, id, describedBy) {
    const common = { id, name: field.name, "aria-describedby": describedBy || null };
    if (field.type === "multiline") {
        return element("textarea", { ...common, rows: 6, maxlength: field.max_length, required: field.required });
    }
    if (field.type === "dropdown") {
        const select = element("select", { ...common, required: field.required });
        for (const choice of field.choices) select.append(element("option", { value: choice.value }, choice.label));
        return select;
    }
    const types = { email: "email", number: "number", url: "url", date: "date", checkbox: "checkbox" };
    return element("input", {
        ...common, type: types[field.type] || "text", maxlength: field.max_length, required: field.required,
    });
}

function renderForm(form, language) {
    const target = $("feedback");
    target.replaceChildren();
    target.dataset.pageId = form.page_id;
    target.dataset.token = form.token;
    $("feedback-heading").textContent = form.title;
    // The intro is editor-made HTML; this page shows its paragraphs as plain text only.
    const intro = new DOMParser().parseFromString(form.intro, "text/html");
    $("feedback-intro").replaceChildren(
        ...[...intro.body.querySelectorAll("p")].map((p) => element("p", {}, p.textContent)),
    );
    for (const field of form.fields) {
        const id = `field-${field.name}`;
        const wrapper = element("div", { class: field.type === "checkbox" ? "field field--checkbox" : "field" });
        const help = field.help_text ? element("p", { class: "help", id: `${id}-help` }, field.help_text) : null;
        const control = fieldControl(field, id, help ? `${id}-help` : null);
        const label = element("label", { for: id }, field.name === "consent" ? form.consent.text : field.label);
        if (field.type === "checkbox") wrapper.append(control, label);
        else wrapper.append(label);
        if (help) wrapper.append(help);
        if (field.type !== "checkbox") wrapper.append(control);
        if (field.name === "consent" && form.consent.privacy_url) {
            const note = element("p", { class: "help" });
            note.append(element("a", { href: form.consent.privacy_url }, form.consent.privacy_link_text));
            wrapper.append(note);
        }
        target.append(wrapper);
    }
    const trap = element("div", { class: "hp", "aria-hidden": "true" });
    trap.append(element("input", { name: form.honeypot_field, tabindex: "-1", autocomplete: "off" }));
    target.append(trap, element("button", { type: "submit" }, form.submit_label));
    target.hidden = false;
    target.lang = language;
}

// Each field takes exactly one JSON type: true/false, a number, or text.
function collectValues(form) {
    const values = {};
    for (const control of form.querySelectorAll("[name]")) {
        if (control.type === "checkbox") {
            values[control.name] = control.checked;
        } else if (control.type === "number") {
            values[control.name] = control.value === "" ? null : Number(control.value);
        } else {
            values[control.name] = control.value;
        }
    }
    return values;
}

function showErrors(errors) {
    const summary = $("feedback-errors");
    summary.replaceChildren();
    const list = element("ul");
    for (const node of document.querySelectorAll("#feedback .error")) node.remove();
    for (const control of document.querySelectorAll("#feedback [aria-invalid]")) control.removeAttribute("aria-invalid");
    for (const [name, messages] of Object.entries(errors)) {
        const control = document.getElementById(`field-${name}`);
        for (const message of messages) {
            const item = element("li");
            item.append(control ? element("a", { href: `#field-${name}` }, message) : message);
            list.append(item);
        }
        if (control) {
            const error = element("p", { class: "error", id: `field-${name}-error` }, messages.join(" "));
            control.setAttribute("aria-invalid", "true");
            const described = [control.getAttribute("aria-describedby"), error.id].filter(Boolean).join(" ");
            control.setAttribute("aria-describedby", described);
            control.before(error);
        }
    }
    summary.append(list);
    summary.hidden = false;
    summary.focus();
}

async function submitFeedback(event) {
    event.preventDefault();
    const form = event.target;
    const language = $("language").value;
    const response = await fetch(`${apiBase}/feedback/${form.dataset.pageId}/`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", "Accept-Language": language },
        body: JSON.stringify({ token: form.dataset.token, values: collectValues(form) }),
    });
    const data = await response.json().catch(() => ({}));
    if (response.status === 201) {
        $("feedback-errors").hidden = true;
        form.hidden = true;
        $("feedback-result").textContent = data.message;
    } else if (response.status === 422 && data.errors) {
        showErrors(data.errors);
    } else {
        showErrors({ form: [data.detail || `HTTP ${response.status}`] });
    }
}

async function showFeedbackForm(language) {
    const pages = await getJSON(
        `/api/v2/pages/?type=wagtail_integration_feedback.FeedbackFormPage&locale=${encodeURIComponent(language)}`,
        language,
    );
    if (!pages.items.length) return;
    renderForm(await getJSON(`${apiBase}/feedback/${pages.items[0].id}/`, language), language);
}

async function show(language) {
    document.documentElement.lang = language;
    document.documentElement.dir = RTL_LANGUAGES.includes(language) ? "rtl" : "ltr";
    $("feedback-result").textContent = "";
    $("feedback-errors").hidden = true;
    try {
        apiBase = apiBase || (await findApiBase());
        await Promise.all([showMeasures(language), showFeedbackForm(language)]);
    } catch (error) {
        $("measures-status").textContent = error.message;
    }
}

$("language").addEventListener("change", (event) => show(event.target.value));
$("feedback").addEventListener("submit", submitFeedback);
show($("language").value);
