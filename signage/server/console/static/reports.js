// The reports filter: once a group is chosen, the store list offers only that group's stores.
// Without this script the form works the same; the server refuses a store outside the group.
(function () {
  "use strict";
  const group = document.getElementById("group");
  const store = document.getElementById("store");
  if (!group || !store) return;
  function narrow() {
    const chosen = group.value;
    for (const option of store.options) {
      if (!option.value || option.dataset.groups === undefined) continue;
      const groups = (option.dataset.groups || "").split(" ");
      const fits = !chosen || groups.includes(chosen);
      option.hidden = !fits;
      option.disabled = !fits;
      if (!fits && option.selected) store.value = "";
    }
  }
  group.addEventListener("change", narrow);
  narrow();
})();
